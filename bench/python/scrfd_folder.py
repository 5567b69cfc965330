"""The Python baseline of the folder benchmark: InsightFace's own scrfd.py (ONNX Runtime + OpenCV)
over every JPEG of a folder, one image at a time, as its users run it.

    python bench/python/scrfd_folder.py --scrfd-py PATH/TO/insightface/detection/scrfd/tools/scrfd.py \
        --model ../shared/models/scrfd_2.5g_bnkps_shape640x640.onnx --threads 1 DIR

scrfd.py is InsightFace's file (not part of this repository): pass its path. ONNX Runtime's intra-op
threads and OpenCV's threads are both set to --threads, the same budget the Java side gets.
Prints one summary line: images, faces, seconds.
"""
import argparse
import glob
import importlib.util
import os
import sys
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scrfd-py", default=os.environ.get("SCRFD_PY"), help="InsightFace's scrfd.py ($SCRFD_PY)")
    ap.add_argument("--model", required=True)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--thresh", type=float, default=0.5)
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()
    if not a.scrfd_py or not os.path.isfile(a.scrfd_py):
        sys.exit("scrfd.py not found: pass --scrfd-py or set SCRFD_PY (InsightFace, detection/scrfd/tools/scrfd.py)")
    import cv2
    import onnxruntime
    cv2.setNumThreads(a.threads)
    spec = importlib.util.spec_from_file_location("scrfd", a.scrfd_py)
    scrfd = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scrfd)
    so = onnxruntime.SessionOptions()
    so.intra_op_num_threads = a.threads
    so.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(a.model, so, providers=["CPUExecutionProvider"])
    det = scrfd.SCRFD(model_file=a.model, session=session)
    det.prepare(-1, input_size=(640, 640))
    files = sorted(f for d in a.dirs for f in glob.glob(os.path.join(d, "*.jpg")))
    t0 = time.perf_counter()
    faces = 0
    for f in files:
        img = cv2.imread(f)
        bboxes, _ = det.detect(img, thresh=a.thresh)
        faces += len(bboxes)
    print("%d images, %d faces in %.3f s (python %s, onnxruntime %s, opencv %s, %d threads)" % (
        len(files), faces, time.perf_counter() - t0, sys.version.split()[0], onnxruntime.__version__,
        cv2.__version__, a.threads))


if __name__ == "__main__":
    main()
