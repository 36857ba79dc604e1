"""Prototype: does a k-nearest-neighbour vote, blended with a linear model, help the
English coarse narrative score? sklearn only (TF-IDF words 1-2 + char_wb 3-5, one
logistic regression per label, a gate over "any narrative"), 5 outer folds (seed 42),
thresholds and the blend weight tuned on 3 inner folds of each training part.

    bench/.venv/bin/python bench/narratives/knn/proto.py [k]   # k neighbours, default 10

Needs ../shared/data/semeval2025t10 (set SEMEVAL_EN to another EN train folder).
"""
import numpy as np, os, sys
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from scipy.sparse import hstack
D=os.environ.get('SEMEVAL_EN',os.path.join(os.path.dirname(__file__),'../../../../shared/data/semeval2025t10/train/EN'))
gold={}
for l in open(D+'/subtask-2-annotations.txt'):
    p=l.rstrip('\n').split('\t'); gold[p[0]]=[x for x in p[1].split(';') if x!='Other']
ids=sorted(gold); texts=[open(D+'/raw-documents/'+i,encoding='utf-8').read() for i in ids]
labels=sorted({x for i in ids for x in gold[i]})
Y=np.array([[l in gold[i] for l in labels] for i in ids],dtype=int)
G=(Y.sum(1)>0).astype(int)
def feats(tr,te):
    w=TfidfVectorizer(ngram_range=(1,2),min_df=2,sublinear_tf=True,max_features=30000)
    c=TfidfVectorizer(analyzer='char_wb',ngram_range=(3,5),min_df=2,sublinear_tf=True,max_features=30000)
    a=[texts[i] for i in tr]; b=[texts[i] for i in te]
    Xa=hstack([w.fit_transform(a),c.fit_transform(a)]).tocsr(); Xb=hstack([w.transform(b),c.transform(b)]).tocsr()
    from sklearn.preprocessing import normalize
    return normalize(Xa),normalize(Xb)
def model_probs(tr,te,Xa,Xb,k):
    # LR probabilities for gate + labels, and kNN scores
    P=np.zeros((len(te),Y.shape[1]+1)); K=np.zeros_like(P)
    T=np.column_stack([G,Y])
    for j in range(T.shape[1]):
        y=T[tr,j]
        if y.sum()==0: continue
        if y.sum()==len(y): P[:,j]=1; continue
        m=LogisticRegression(C=10,class_weight='balanced',max_iter=300).fit(Xa,y); P[:,j]=m.predict_proba(Xb)[:,1]
    S=(Xb@Xa.T).toarray()
    for r in range(len(te)):
        nn=np.argsort(-S[r])[:k]; w=S[r,nn]**2
        K[r]=(w[:,None]*T[tr][nn]).sum(0)/max(w.sum(),1e-9)
    return P,K
def decide(P,tg,tn):
    out=[]
    for p in P:
        if p[0]<tg: out.append(set()); continue
        s={j for j in range(1,len(p)) if p[j]>=tn}
        if not s: s={int(np.argmax(p[1:]))+1}
        out.append(s)
    return out
def f1s(te,pred):
    r=[]
    for i,s in zip(te,pred):
        g={j+1 for j in np.nonzero(Y[i])[0]}
        if not g and not s: r.append(1)
        elif not g or not s: r.append(0)
        else: r.append(2*len(g&s)/(len(g)+len(s)))
    return np.mean(r)
GRID=np.arange(0.1,0.85,0.05)
def tune(Pt,tr,betas):
    best=(-1,)
    for b,Pb in betas:
        for tg in GRID:
            for tn in GRID:
                v=f1s(tr,decide(Pb,tg,tn))
                if v>best[0]: best=(v,b,tg,tn)
    return best
k=int(sys.argv[1]) if len(sys.argv)>1 else 10
res={'lr':[], 'blend':[], 'knn':[]}
for fo,(tr,te) in enumerate(KFold(5,shuffle=True,random_state=42).split(ids)):
    # inner oof for tuning
    Pin=np.zeros((len(tr),Y.shape[1]+1)); Kin=np.zeros_like(Pin)
    for itr,ite in KFold(3,shuffle=True,random_state=1).split(tr):
        Xa,Xb=feats(tr[itr],tr[ite]); P,K=model_probs(tr[itr],tr[ite],Xa,Xb,k); Pin[ite]=P; Kin[ite]=K
    Xa,Xb=feats(tr,te); P,K=model_probs(tr,te,Xa,Xb,k)
    for name,bs in [('lr',[0.0]),('knn',[1.0]),('blend',[0.25,0.5,0.75])]:
        v,b,tg,tn=tune(None,tr,[(b,(1-b)*Pin+b*Kin) for b in bs])
        res[name].append(f1s(te,decide((1-b)*P+b*K,tg,tn)))
    print(fo,{n:round(v[-1],3) for n,v in res.items()},flush=True)
print({n:(round(np.mean(v),3),round(np.std(v),3)) for n,v in res.items()})
