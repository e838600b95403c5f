"""Times VGG16 conv1_1 and conv1_2 in onnxruntime (one thread) and in ConvStep's engine on the
same machine in the same run, and prints the medians and the ratio ConvStep / onnxruntime.

Run from the repository root:  python3 tests/bench/onnx_anchor.py
Needs: pip install onnxruntime onnx numpy
"""
import json
import statistics
import subprocess
import time

import numpy as np
import onnxruntime as ort
from onnx import TensorProto, helper


def onnxruntime_median(in_channels, filters, runs):
    node = helper.make_node("Conv", ["x", "w", "b"], ["y"], pads=[1, 1, 1, 1])
    graph = helper.make_graph(
        [node], "conv",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, in_channels, 224, 224]),
         helper.make_tensor_value_info("w", TensorProto.FLOAT, [filters, in_channels, 3, 3]),
         helper.make_tensor_value_info("b", TensorProto.FLOAT, [filters])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)],
    )
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    session = ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])
    rng = np.random.default_rng(0)
    feeds = {
        "x": rng.standard_normal((1, in_channels, 224, 224), dtype=np.float32),
        "w": rng.standard_normal((filters, in_channels, 3, 3), dtype=np.float32),
        "b": rng.standard_normal(filters, dtype=np.float32),
    }
    session.run(None, feeds)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        session.run(None, feeds)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


ort_ms = {"conv1_1": onnxruntime_median(3, 64, 30), "conv1_2": onnxruntime_median(64, 64, 15)}
output = subprocess.run(
    ["cargo", "bench", "--quiet", "--bench", "forward_timing"],
    check=True, capture_output=True, text=True,
).stdout
convstep_ms = json.loads(output.strip().splitlines()[-1])
print(f"onnxruntime {ort.__version__}, 1 thread; medians in ms")
for layer in ("conv1_1", "conv1_2"):
    ratio = convstep_ms[layer] / ort_ms[layer]
    print(f"{layer}: onnxruntime {ort_ms[layer]:.2f}  ConvStep {convstep_ms[layer]:.2f}  ratio {ratio:.2f}x")
