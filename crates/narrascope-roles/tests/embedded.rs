//! The embedded model: loads, and runs as a pipeline stage over hand-made entities.

use std::sync::Arc;

use narrascope_core::{
    Article, Document, Entity, EntityType, GivenMeta, Mention, MentionKind, SourceFormat, Stage,
};
use narrascope_roles::features::DocContext;
use narrascope_roles::{occurrences, RoleModel, RoleStage, MAIN_ROLES};

const TEXT: &str = "Russian missiles hit Kyiv hospital\n\
Russian forces under Vladimir Putin fired missiles at a children's hospital in Kyiv on \
Monday, killing civilians. Ukrainian rescuers pulled children from the rubble. Putin \
denied the attack and accused the West of provoking the war.";

fn doc() -> Document {
    let mut d = fixture(TEXT);
    add(&mut d, "Putin", EntityType::Person);
    add(&mut d, "Kyiv", EntityType::Loc);
    add(&mut d, "Monday", EntityType::Misc);
    d
}

fn fixture(text: &str) -> Document {
    Document::from_text(Article {
        id: "t".into(),
        path: "t".into(),
        format: SourceFormat::Text,
        raw: text.into(),
        given: GivenMeta::default(),
    })
}

/// Adds an entity named `name` wherever the text says it.
fn add(d: &mut Document, name: &str, etype: EntityType) {
    let spans = occurrences(&d.text, name);
    let first = d.mentions.len();
    for s in &spans {
        d.mentions.push(Mention {
            span: *s,
            etype,
            kind: MentionKind::Name,
            entity: Some(d.entities.len()),
        });
    }
    d.entities.push(Entity {
        id: format!("x:{name}"),
        name: name.into(),
        etype,
        titles: vec![],
        aliases: vec![],
        mentions: (first..first + spans.len()).collect(),
        conflicts: vec![],
    });
}

#[test]
fn embedded_model_loads_quickly_and_predicts_valid_roles() {
    let t = std::time::Instant::now();
    let m = RoleModel::embedded().unwrap();
    assert!(t.elapsed().as_secs_f64() < 2.0);
    assert!(m.columns() > 1000);
    let ctx = DocContext::new(TEXT, &[]);
    let spans = occurrences(TEXT, "Putin");
    let p = m.predict(&ctx, spans[0], &spans);
    assert!(!p.fine.is_empty() && p.fine.len() <= 3);
    let roles = narrascope_roles::fine_roles();
    assert!(p.fine.iter().all(|&(i, _)| roles[i].1 == p.main));
    assert!((p.main_scores.iter().sum::<f32>() - 1.0).abs() < 1e-4);
}

#[test]
fn stage_gives_roles_to_people_and_places_only_with_evidence() {
    let stage = RoleStage::new(Arc::new(RoleModel::embedded().unwrap()))
        .without_gate()
        .with_min_score(0.0);
    let mut d = doc();
    stage.run(&mut d).unwrap();
    // Misc entities get no role; with no threshold the others all do.
    assert_eq!(d.roles.iter().map(|r| r.entity).collect::<Vec<_>>(), [0, 1]);
    for r in &d.roles {
        assert!(MAIN_ROLES.contains(&r.main_role.as_str()));
        assert!(!r.fine_roles.is_empty());
        assert!(d.entities[r.entity]
            .mentions
            .iter()
            .any(|&m| d.mentions[m].span == r.mention));
        assert!(!r.evidence.is_empty() && r.evidence.len() <= 3);
        assert!(r.evidence.iter().any(|e| e.contains(r.mention)));
        assert!((0.0..=1.0).contains(&r.score));
    }
    // Entities named once are skipped unless asked for.
    let mut once = doc();
    let monday = occurrences(TEXT, "Monday")[0];
    once.mentions
        .iter_mut()
        .filter(|m| m.span == monday)
        .for_each(|m| m.etype = EntityType::Group);
    once.entities[2].etype = EntityType::Group;
    stage.run(&mut once).unwrap();
    assert!(once.roles.iter().all(|r| r.entity != 2));
    let all = RoleStage::new(Arc::new(RoleModel::embedded().unwrap()))
        .without_gate()
        .with_min_score(0.0)
        .with_min_mentions(1);
    all.run(&mut once).unwrap();
    assert!(once.roles.iter().any(|r| r.entity == 2));
    // A threshold above every score emits nothing; rerunning replaces, not appends.
    let strict = RoleStage::new(Arc::new(RoleModel::embedded().unwrap())).with_min_score(1.01);
    assert!(strict.gated());
    strict.run(&mut d).unwrap();
    assert!(d.roles.is_empty());
}

/// A made-up article: one person at its centre (title, first sentence, quoted, named
/// throughout) and a city named once in passing.
const CENTRAL: &str = "Governor Halvorsen vetoes the pipeline bill\n\
Governor Mira Halvorsen vetoed the pipeline bill on Friday, calling it a gift to \
polluters. \"This bill betrays every family downstream,\" Halvorsen said. Lobbyists \
attacked Halvorsen for weeks, but Halvorsen refused to back down and promised to \
defend the farmers who depend on the river. Halvorsen will present her own plan next \
month. The governor spoke after a visit to a school outside Tromsø.";

#[test]
fn gate_keeps_the_central_entity_and_drops_a_passing_mention() {
    let model = Arc::new(RoleModel::embedded().unwrap());
    assert!(model.gate.is_some(), "the shipped model has a gate");
    let mut d = fixture(CENTRAL);
    add(&mut d, "Halvorsen", EntityType::Person);
    add(&mut d, "Tromsø", EntityType::Loc);
    let stage = RoleStage::new(model.clone());
    assert!(stage.gated());
    stage.run(&mut d).unwrap();
    let cast: Vec<usize> = d.roles.iter().map(|r| r.entity).collect();
    assert_eq!(cast, [0], "roles: {:?}", d.roles);
    // The gate is what dropped the city: the old rule without thresholds keeps it.
    let ungated = RoleStage::new(model)
        .without_gate()
        .with_min_score(0.0)
        .with_min_mentions(1);
    ungated.run(&mut d).unwrap();
    assert_eq!(d.roles.len(), 2);
}

#[test]
fn gate_survives_the_file_format_and_old_formats_are_refused_clearly() {
    let m = RoleModel::embedded().unwrap();
    let bytes = m.to_bytes();
    let back = RoleModel::from_bytes(&bytes).unwrap();
    assert_eq!(back.gate, m.gate);
    // The gate scores the central entity of the fixture far above the passing one.
    let mut d = fixture(CENTRAL);
    add(&mut d, "Halvorsen", EntityType::Person);
    add(&mut d, "Tromsø", EntityType::Loc);
    let ctx = DocContext::new(&d.text, &[]);
    let gate = back.gate.as_ref().unwrap();
    let p: Vec<f32> = narrascope_roles::gate::candidates(&d, &ctx, &back)
        .iter()
        .map(|(_, raw, _)| gate.probability(raw))
        .collect();
    assert_eq!(p.len(), 2);
    let t = gate.config.threshold;
    assert!(p[0] > t && p[1] < t && p[0] > 5.0 * p[1], "{p:?}");
    // A version-1 file (before the gate) is refused with the reason and the fix.
    let mut old = bytes.clone();
    old[8..12].copy_from_slice(&1u32.to_le_bytes());
    let err = RoleModel::from_bytes(&old).unwrap_err().to_string();
    assert!(
        err.contains("format version 1") && err.contains("narrascope train roles"),
        "{err}"
    );
}
