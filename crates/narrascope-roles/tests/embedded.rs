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
    let mut d = Document::from_text(Article {
        id: "t".into(),
        path: "t".into(),
        format: SourceFormat::Text,
        raw: TEXT.into(),
        given: GivenMeta::default(),
    });
    let mut add = |name: &str, etype: EntityType| {
        let spans = occurrences(TEXT, name);
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
    };
    add("Putin", EntityType::Person);
    add("Kyiv", EntityType::Loc);
    add("Monday", EntityType::Misc);
    d
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
    let stage = RoleStage::new(Arc::new(RoleModel::embedded().unwrap())).with_min_score(0.0);
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
        .with_min_score(0.0)
        .with_min_mentions(1);
    all.run(&mut once).unwrap();
    assert!(once.roles.iter().any(|r| r.entity == 2));
    // A threshold above every score emits nothing; rerunning replaces, not appends.
    let strict = RoleStage::new(Arc::new(RoleModel::embedded().unwrap())).with_min_score(1.01);
    strict.run(&mut d).unwrap();
    assert!(d.roles.is_empty());
}
