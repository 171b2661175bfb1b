"""GPU throughput of the bundled encoders' architectures (all-MiniLM-L6-v2, bge-small-en-v1.5) on the
benchmark texts of `augur bench encode`, with the same batching Augur uses: sorted by length, padded to the
longest text of each batch, truncated at 512 tokens.

Why PyTorch and random weights: the GPU machine lent to this project has no JDK, CUDA 13 (onnxruntime_gpu 1.21 for
Java needs CUDA 12 + cuDNN 9) and a 64 MiB transfer limit (the onnxruntime_gpu jar is 642 MB), so Augur's own
DJL + ONNX Runtime path cannot run there. Throughput depends on the shapes, not on the weight values, so a
randomly initialised BertModel with each model's exact configuration measures what the architecture costs on
that GPU. Run: python3 docs/bench/gpu_encoder_throughput.py <tokenizer-dir>
"""
import json
import statistics
import sys
import time

import torch
from tokenizers import Tokenizer
from transformers import BertConfig, BertModel

TOKENIZERS = sys.argv[1] if len(sys.argv) > 1 else ".gpu"
ITEMS = "sample-data/augur-sample.item"

MODELS = {
    "minilm": (dict(hidden_size=384, num_hidden_layers=6, num_attention_heads=12, intermediate_size=1536,
                    vocab_size=30522, max_position_embeddings=512), "all-minilm-l6-v2-tokenizer.json", "mean"),
    "bge-small": (dict(hidden_size=384, num_hidden_layers=12, num_attention_heads=12, intermediate_size=1536,
                       vocab_size=30522, max_position_embeddings=512), "bge-small-en-v1.5-tokenizer.json", "cls"),
}


def texts(n=2000):
    rows = []
    with open(ITEMS, encoding="utf-8") as f:
        next(f)
        for line in f:
            c = line.rstrip("\n").split("\t")
            rows.append(c[1] + ". " + ", ".join(c[2].split(" ")) + ". " + c[3])
    return [rows[i % len(rows)] for i in range(n)]


def batches(tok, sample, batch):
    tok.enable_truncation(512)
    tok.enable_padding()  # to the longest of each batch
    order = sorted(range(len(sample)), key=lambda i: len(sample[i]))
    out = []
    for s in range(0, len(order), batch):
        enc = tok.encode_batch([sample[i] for i in order[s:s + batch]])
        ids = torch.tensor([e.ids for e in enc], dtype=torch.long)
        mask = torch.tensor([e.attention_mask for e in enc], dtype=torch.long)
        out.append((ids, mask))
    return out


def run(model, bs, pooling, dev):
    outs = []
    with torch.inference_mode():
        for ids, mask in bs:
            ids, mask = ids.to(dev, non_blocking=True), mask.to(dev, non_blocking=True)
            h = model(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids)).last_hidden_state
            if pooling == "mean":
                m = mask.unsqueeze(-1).to(h.dtype)
                v = (h * m).sum(1) / m.sum(1).clamp(min=1)
            else:
                v = h[:, 0]
            outs.append(torch.nn.functional.normalize(v.float(), dim=-1).cpu())
    torch.cuda.synchronize()
    return outs


def main():
    dev = torch.device("cuda")
    sample = texts()
    result = {"gpu": torch.cuda.get_device_name(0), "torch": torch.__version__, "texts": len(sample), "runs": 5,
              "models": []}
    for name, (cfg, tok_file, pooling) in MODELS.items():
        tok = Tokenizer.from_file(f"{TOKENIZERS}/{tok_file}")
        for batch in (32, 256):
            bs = batches(tok, sample, batch)
            tokens = sum(int(m.sum()) for _, m in bs)
            for dtype in (torch.float32, torch.float16):
                torch.manual_seed(0)
                model = BertModel(BertConfig(**cfg), add_pooling_layer=False).to(dev, dtype=dtype).eval()
                run(model, bs, pooling, dev)  # warm-up
                times = []
                for _ in range(5):
                    t0 = time.perf_counter()
                    run(model, bs, pooling, dev)
                    times.append(time.perf_counter() - t0)
                med = statistics.median(times)
                row = {"model": name, "batch": batch, "dtype": str(dtype).replace("torch.", ""),
                       "sentences_per_second": round(len(sample) / med, 1), "tokens": tokens,
                       "runs_s": [round(t, 4) for t in times]}
                print(json.dumps(row), flush=True)
                result["models"].append(row)
                del model
                torch.cuda.empty_cache()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
