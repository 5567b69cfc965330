package io.github.scrfd4j.network;

import io.github.scrfd4j.onnx.OnnxAttribute;
import io.github.scrfd4j.onnx.OnnxFormatException;
import io.github.scrfd4j.onnx.OnnxGraph;
import io.github.scrfd4j.onnx.OnnxModel;
import io.github.scrfd4j.onnx.OnnxNode;
import io.github.scrfd4j.onnx.OnnxTensor;
import io.github.scrfd4j.onnx.OnnxValueInfo;
import io.github.scrfd4j.vector.ConvKernels;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles an ONNX graph for one input size: orders the nodes, infers every shape, folds whatever is
 * constant (weights, the shape arithmetic of dynamic models), fuses a ReLU into the convolution before
 * it, chooses each convolution's method, and assigns storages to a minimal set of reused arrays.
 * Anything outside the supported operators and attributes is an {@link OnnxFormatException} naming it.
 */
final class Planner {
    /** The operators this network runs (opset 9 to 13 forms), with the attributes each accepts. */
    static final Map<String, Set<String>> SUPPORTED = Map.ofEntries(
            Map.entry("Conv", Set.of("kernel_shape", "strides", "pads", "dilations", "group", "auto_pad")),
            Map.entry("Relu", Set.of()),
            Map.entry("Sigmoid", Set.of()),
            Map.entry("Add", Set.of()),
            Map.entry("Mul", Set.of()),
            Map.entry("MaxPool", Set.of("kernel_shape", "strides", "pads", "ceil_mode", "dilations", "storage_order", "auto_pad")),
            Map.entry("AveragePool", Set.of("kernel_shape", "strides", "pads", "ceil_mode", "count_include_pad", "auto_pad")),
            Map.entry("Resize", Set.of("coordinate_transformation_mode", "cubic_coeff_a", "mode", "nearest_mode",
                    "exclude_outside", "extrapolation_value")),
            Map.entry("Reshape", Set.of("allowzero")),
            Map.entry("Transpose", Set.of("perm")),
            Map.entry("InstanceNormalization", Set.of("epsilon")),
            Map.entry("Shape", Set.of()),
            Map.entry("Gather", Set.of("axis")),
            Map.entry("Unsqueeze", Set.of("axes")),
            Map.entry("Slice", Set.of()),
            Map.entry("Concat", Set.of("axis")),
            Map.entry("Constant", Set.of("value")),
            Map.entry("Identity", Set.of()),
            Map.entry("Flatten", Set.of("axis")));

    private final OnnxGraph graph;
    private final ConvKernels kernels;
    private final Map<String, Value> values = new HashMap<>();
    private final List<Layer> layers = new ArrayList<>();
    private final Map<String, List<OnnxNode>> consumers = new HashMap<>();
    private final Set<String> graphOutputs = new HashSet<>();
    private final Set<OnnxNode> absorbed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    private Planner(OnnxGraph graph, ConvKernels kernels) {
        this.graph = graph;
        this.kernels = kernels;
    }

    /** Checks what can be checked without an input size: one float image input, supported operators, a DAG. */
    static List<OnnxNode> validate(OnnxModel model) {
        OnnxGraph g = model.graph();
        if (model.opset() < 9 || model.opset() > 13) {
            throw new OnnxFormatException("opset " + model.opset() + " is not supported (9 to 13 are; SCRFD exports use 11)");
        }
        if (g.inputs().size() != 1) {
            throw new OnnxFormatException("SCRFD models have one image input; this graph has " + g.inputs());
        }
        OnnxValueInfo in = g.inputs().get(0);
        if (in.elementType() != OnnxTensor.FLOAT && in.elementType() != 0) {
            throw new OnnxFormatException("input " + in.name() + " is not float (element type " + in.elementType() + ")");
        }
        long[] d = in.dims();
        if (d.length != 4 || (d[0] != 1 && d[0] != -1) || (d[1] != 3 && d[1] != -1)) {
            throw new OnnxFormatException("input " + in + " is not [1, 3, H, W]");
        }
        if (g.outputs().isEmpty()) {
            throw new OnnxFormatException("the graph has no outputs");
        }
        for (OnnxValueInfo o : g.outputs()) {
            if (o.name().isEmpty()) {
                throw new OnnxFormatException("a graph output has no name");
            }
        }
        for (OnnxNode n : g.nodes()) {
            if (!n.domain().isEmpty() && !n.domain().equals("ai.onnx")) {
                throw new OnnxFormatException(n.label() + " is in domain '" + n.domain() + "', which is not supported");
            }
            Set<String> attrs = SUPPORTED.get(n.opType());
            if (attrs == null) {
                throw new OnnxFormatException("operator " + n.opType() + " (" + n.label() + ") is not supported; the Java"
                        + " network runs " + new java.util.TreeSet<>(SUPPORTED.keySet()));
            }
            for (String a : n.attributes().keySet()) {
                if (!attrs.contains(a)) {
                    throw new OnnxFormatException(n.label() + " has attribute '" + a + "', which is not supported");
                }
            }
            if (n.outputs().isEmpty()) {
                throw new OnnxFormatException(n.label() + " has no output");
            }
        }
        return order(g);
    }

    /** The nodes in an order where every input is produced before use; a cycle or a dangling name is an error. */
    private static List<OnnxNode> order(OnnxGraph g) {
        Set<String> available = new HashSet<>(g.initializers().keySet());
        available.add(g.inputs().get(0).name());
        available.add("");
        Map<String, OnnxNode> producer = new HashMap<>();
        for (OnnxNode n : g.nodes()) {
            for (String o : n.outputs()) {
                if (o.isEmpty()) {
                    continue;
                }
                if (available.contains(o) || producer.put(o, n) != null) {
                    throw new OnnxFormatException("tensor '" + o + "' is produced twice (" + n.label() + ")");
                }
            }
        }
        Map<OnnxNode, Integer> missing = new IdentityHashMap<>();
        Map<String, List<OnnxNode>> waiting = new HashMap<>();
        ArrayDeque<OnnxNode> ready = new ArrayDeque<>();
        for (OnnxNode n : g.nodes()) {
            int m = 0;
            for (String i : new HashSet<>(n.inputs())) {
                if (available.contains(i)) {
                    continue;
                }
                if (!producer.containsKey(i)) {
                    throw new OnnxFormatException(n.label() + " reads '" + i + "', which is no input, initializer or"
                            + " node output (missing initializer?)");
                }
                m++;
                waiting.computeIfAbsent(i, k -> new ArrayList<>()).add(n);
            }
            missing.put(n, m);
            if (m == 0) {
                ready.add(n);
            }
        }
        List<OnnxNode> out = new ArrayList<>();
        while (!ready.isEmpty()) {
            OnnxNode n = ready.poll();
            out.add(n);
            for (String o : n.outputs()) {
                for (OnnxNode c : waiting.getOrDefault(o, List.of())) {
                    if (missing.merge(c, -1, Integer::sum) == 0) {
                        ready.add(c);
                    }
                }
            }
        }
        if (out.size() != g.nodes().size()) {
            for (OnnxNode n : g.nodes()) {
                if (missing.get(n) > 0) {
                    throw new OnnxFormatException("the graph has a cycle (or a node waiting on one): " + n.label());
                }
            }
        }
        for (OnnxValueInfo o : g.outputs()) {
            if (!available.contains(o.name()) && !producer.containsKey(o.name())) {
                throw new OnnxFormatException("graph output '" + o.name() + "' is produced by no node");
            }
        }
        return out;
    }

    /** Compiles {@code model} for a {@code width x height} input. */
    static Plan plan(OnnxModel model, List<OnnxNode> ordered, int width, int height, ConvKernels kernels) {
        return new Planner(model.graph(), kernels).build(ordered, width, height);
    }

    private Plan build(List<OnnxNode> ordered, int width, int height) {
        for (OnnxNode n : ordered) {
            for (String i : n.inputs()) {
                consumers.computeIfAbsent(i, k -> new ArrayList<>()).add(n);
            }
        }
        for (OnnxValueInfo o : graph.outputs()) {
            graphOutputs.add(o.name());
        }
        for (OnnxTensor t : graph.initializers().values()) {
            values.put(t.name(), constant(t));
        }
        OnnxValueInfo in = graph.inputs().get(0);
        Storage input = new Storage(Shapes.size(Shapes.checked(new int[] {1, 3, height, width}, "the input size")));
        input.dedicated = true;
        values.put(in.name(), Value.runtime(in.name(), new int[] {1, 3, height, width}, input));
        for (OnnxNode n : ordered) {
            if (!absorbed.contains(n)) {
                node(n);
            }
        }
        List<Storage> outputStorages = new ArrayList<>();
        List<Value> outs = new ArrayList<>();
        for (OnnxValueInfo o : graph.outputs()) {
            Value v = values.get(o.name());
            if (v.isConstant() || v.storage.dedicated) {
                Storage s = new Storage(v.size());
                layers.add(new FillLayer(v, s));
                v = Value.runtime(o.name(), v.shape, s);
            }
            v.storage.dedicated = true;
            outputStorages.add(v.storage);
            outs.add(v);
        }
        int[][] slots = allocate(input);
        List<Plan.Output> outputs = new ArrayList<>();
        for (Value v : outs) {
            outputs.add(new Plan.Output(v.name, v.shape, v.storage.slot));
        }
        int scratch = 0;
        for (Layer l : layers) {
            scratch = Math.max(scratch, l.scratch());
        }
        return new Plan(width, height, List.copyOf(layers), slots[0], input.slot, List.copyOf(outputs), scratch);
    }

    /** Lifetimes, then slots: a storage takes the smallest free slot that fits, or a new one. */
    private int[][] allocate(Storage input) {
        List<Storage> all = new ArrayList<>();
        Set<Storage> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            for (Storage s : l.reads) {
                s.lastUse = Math.max(s.lastUse, i);
                if (seen.add(s)) {
                    all.add(s);
                }
            }
            for (Storage s : l.writes) {
                s.firstWrite = Math.min(s.firstWrite, i);
                s.lastUse = Math.max(s.lastUse, i);
                if (seen.add(s)) {
                    all.add(s);
                }
            }
        }
        List<Integer> sizes = new ArrayList<>();
        input.slot = 0;
        sizes.add(input.size);
        List<Integer> free = new ArrayList<>();
        Map<Integer, List<Storage>> dying = new HashMap<>();
        for (Storage s : all) {
            if (s != input && !s.dedicated) {
                dying.computeIfAbsent(s.lastUse, k -> new ArrayList<>()).add(s);
            }
        }
        Set<Storage> handedOn = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            Storage reuse = layer.inPlaceInput();
            for (Storage s : layer.writes) {
                if (s.slot >= 0) {
                    continue;
                }
                if (reuse != null && !s.dedicated && !reuse.dedicated && reuse.lastUse == i && reuse.slot > 0
                        && sizes.get(reuse.slot) >= s.size && handedOn.add(reuse)) {
                    // the input dies here: the output overwrites it in place
                    s.slot = reuse.slot;
                    continue;
                }
                if (s.dedicated) {
                    s.slot = sizes.size();
                    sizes.add(s.size);
                    continue;
                }
                int best = -1;
                for (int f : free) {
                    if (sizes.get(f) >= s.size && (best < 0 || sizes.get(f) < sizes.get(best))) {
                        best = f;
                    }
                }
                if (best < 0) {
                    // grow the largest free slot rather than adding one, when one is free
                    for (int f : free) {
                        if (best < 0 || sizes.get(f) > sizes.get(best)) {
                            best = f;
                        }
                    }
                    if (best >= 0) {
                        sizes.set(best, s.size);
                    }
                }
                if (best >= 0) {
                    free.remove(Integer.valueOf(best));
                    s.slot = best;
                } else {
                    s.slot = sizes.size();
                    sizes.add(s.size);
                }
            }
            for (Storage s : dying.getOrDefault(i, List.of())) {
                if (!handedOn.contains(s)) {
                    free.add(s.slot);
                }
            }
        }
        int[] out = new int[sizes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = sizes.get(i);
        }
        return new int[][] {out};
    }

    private static Value constant(OnnxTensor t) {
        int[] shape = Shapes.toInts(t.dims(), "initializer '" + t.name() + "'");
        return t.isFloat() ? Value.constant(t.name(), shape, t.floats()) : Value.constant(t.name(), shape, t.longs());
    }

    private Value in(OnnxNode n, int i) {
        if (i >= n.inputs().size() || n.inputs().get(i).isEmpty()) {
            throw new OnnxFormatException(n.label() + " lacks input " + i);
        }
        return values.get(n.inputs().get(i));
    }

    private Value optional(OnnxNode n, int i) {
        return i < n.inputs().size() && !n.inputs().get(i).isEmpty() ? values.get(n.inputs().get(i)) : null;
    }

    private Value constIn(OnnxNode n, int i, String what) {
        Value v = in(n, i);
        if (!v.isConstant()) {
            throw new OnnxFormatException(n.label() + ": its " + what + " must be constant (computed at load), but it"
                    + " depends on the image");
        }
        return v;
    }

    private void define(OnnxNode n, Value v) {
        values.put(n.outputs().get(0), v);
    }

    private Value newRuntime(OnnxNode n, int[] shape) {
        Shapes.checked(shape, n.label());
        return Value.runtime(n.outputs().get(0), shape, new Storage(Shapes.size(shape)));
    }

    private void node(OnnxNode n) {
        switch (n.opType()) {
            case "Conv":
                conv(n);
                break;
            case "Relu":
            case "Sigmoid":
                unary(n, n.opType().equals("Relu") ? UnaryLayer.Op.RELU : UnaryLayer.Op.SIGMOID);
                break;
            case "Add":
            case "Mul":
                binary(n, n.opType().equals("Add") ? BinaryLayer.Op.ADD : BinaryLayer.Op.MUL);
                break;
            case "MaxPool":
            case "AveragePool":
                pool(n, n.opType().equals("MaxPool"));
                break;
            case "Resize":
                resize(n);
                break;
            case "Reshape":
                reshape(n);
                break;
            case "Flatten": {
                Value x = in(n, 0);
                int axis = Shapes.axis(Attrs.i(n, "axis", 1), x.shape.length + 1, n.label());
                int outer = 1;
                for (int i = 0; i < axis; i++) {
                    outer *= x.shape[i];
                }
                alias(n, x, new int[] {outer, outer == 0 ? 0 : x.size() / outer});
                break;
            }
            case "Identity":
                alias(n, in(n, 0), in(n, 0).shape);
                break;
            case "Transpose": {
                Value x = in(n, 0);
                IndexMaps.Mapped m = IndexMaps.transpose(x.shape, Attrs.intsOrNull(n, "perm"), n.label());
                mapped(n, x, m, "Transpose");
                break;
            }
            case "InstanceNormalization":
                instanceNorm(n);
                break;
            case "Shape": {
                int[] s = in(n, 0).shape;
                long[] d = new long[s.length];
                for (int i = 0; i < s.length; i++) {
                    d[i] = s[i];
                }
                define(n, Value.constant(n.outputs().get(0), new int[] {s.length}, d));
                break;
            }
            case "Gather": {
                Value x = in(n, 0);
                if (x.shape.length == 0) {
                    throw new OnnxFormatException(n.label() + ": Gather of a scalar");
                }
                Value idx = constIn(n, 1, "indices");
                int axis = Shapes.axis(Attrs.i(n, "axis", 0), x.shape.length, n.label());
                mapped(n, x, IndexMaps.gather(x.shape, axis, idx.longData(), idx.shape, n.label()), "Gather");
                break;
            }
            case "Unsqueeze":
                unsqueeze(n);
                break;
            case "Slice": {
                Value x = in(n, 0);
                long[] starts = constIn(n, 1, "starts").longData();
                long[] ends = constIn(n, 2, "ends").longData();
                Value axes = optional(n, 3);
                Value steps = optional(n, 4);
                if ((axes != null && !axes.isConstant()) || (steps != null && !steps.isConstant())) {
                    throw new OnnxFormatException(n.label() + ": axes and steps must be constant");
                }
                mapped(n, x, IndexMaps.slice(x.shape, starts, ends, axes == null ? null : axes.longData(),
                        steps == null ? null : steps.longData(), n.label()), "Slice");
                break;
            }
            case "Concat":
                concat(n);
                break;
            case "Constant": {
                OnnxAttribute v = n.attributes().get("value");
                if (v == null || v.type() != OnnxAttribute.TENSOR) {
                    throw new OnnxFormatException(n.label() + " has no tensor 'value'");
                }
                Value c = constant(v.t());
                define(n, c.floats != null ? Value.constant(n.outputs().get(0), c.shape, c.floats)
                        : Value.constant(n.outputs().get(0), c.shape, c.longs));
                break;
            }
            default:
                throw new OnnxFormatException("operator " + n.opType() + " is not supported");
        }
    }

    private void alias(OnnxNode n, Value x, int[] shape) {
        if (Shapes.size(shape) != x.size()) {
            throw new OnnxFormatException(n.label() + ": cannot view " + Arrays.toString(x.shape) + " as "
                    + Arrays.toString(shape));
        }
        String name = n.outputs().get(0);
        if (x.isConstant()) {
            define(n, x.floats != null ? Value.constant(name, shape, x.floats) : Value.constant(name, shape, x.longs));
        } else {
            define(n, Value.runtime(name, shape, x.storage));
        }
    }

    private void mapped(OnnxNode n, Value x, IndexMaps.Mapped m, String kind) {
        String name = n.outputs().get(0);
        if (x.isConstant()) {
            Shapes.foldable(m.shape(), n.label());
            define(n, x.floats != null ? Value.constant(name, m.shape(), IndexMaps.apply(x.floats, m.map()))
                    : Value.constant(name, m.shape(), IndexMaps.apply(x.longs, m.map())));
            return;
        }
        Value out = newRuntime(n, m.shape());
        layers.add(new IndexCopyLayer(kind, x.storage, out.storage, m.map()));
        define(n, out);
    }

    private void conv(OnnxNode n) {
        Value x = in(n, 0);
        if (x.isConstant()) {
            throw new OnnxFormatException(n.label() + ": convolution of a constant is not supported");
        }
        Value w = constIn(n, 1, "weight");
        Value b = optional(n, 2);
        if (x.shape.length != 4 || w.shape.length != 4) {
            throw new OnnxFormatException(n.label() + ": only 2-D convolutions are supported (input " + Arrays.toString(x.shape)
                    + ", weight " + Arrays.toString(w.shape) + ")");
        }
        if (w.floats == null) {
            throw new OnnxFormatException(n.label() + ": weight is not float");
        }
        String pad = Attrs.s(n, "auto_pad", "NOTSET");
        if (!pad.equals("NOTSET")) {
            throw new OnnxFormatException(n.label() + ": auto_pad=" + pad + " is not supported (explicit pads are)");
        }
        int group = (int) Attrs.i(n, "group", 1);
        int cin = x.shape[1];
        int cout = w.shape[0];
        long[] ks = Attrs.ints(n, "kernel_shape", new long[] {w.shape[2], w.shape[3]});
        long[] st = Attrs.ints(n, "strides", new long[] {1, 1});
        long[] pads = Attrs.ints(n, "pads", new long[] {0, 0, 0, 0});
        long[] dil = Attrs.ints(n, "dilations", new long[] {1, 1});
        if (ks.length != 2 || st.length != 2 || pads.length != 4 || dil.length != 2) {
            throw new OnnxFormatException(n.label() + ": kernel_shape, strides, pads or dilations do not describe a 2-D convolution");
        }
        if (ks[0] != w.shape[2] || ks[1] != w.shape[3]) {
            throw new OnnxFormatException(n.label() + ": kernel_shape " + Arrays.toString(ks) + " differs from the weight "
                    + Arrays.toString(w.shape));
        }
        if (group < 1 || cin % group != 0 || cout % group != 0 || w.shape[1] != cin / group) {
            throw new OnnxFormatException(n.label() + ": group " + group + " does not fit input channels " + cin
                    + " and weight " + Arrays.toString(w.shape));
        }
        Attrs.range(n, "strides", st, 1, 64);
        Attrs.range(n, "dilations", dil, 1, 64);
        Attrs.range(n, "pads", pads, 0, 64);
        int kh = w.shape[2];
        int kw = w.shape[3];
        int h = x.shape[2];
        int wd = x.shape[3];
        int oh = (int) ((h + pads[0] + pads[2] - dil[0] * (kh - 1) - 1) / st[0] + 1);
        int ow = (int) ((wd + pads[1] + pads[3] - dil[1] * (kw - 1) - 1) / st[1] + 1);
        if (oh <= 0 || ow <= 0 || kh == 0 || kw == 0) {
            throw new OnnxFormatException(n.label() + ": a " + kh + "x" + kw + " kernel does not fit the " + h + "x" + wd
                    + " input");
        }
        float[] bias = null;
        if (b != null) {
            if (!b.isConstant() || b.size() != cout) {
                throw new OnnxFormatException(n.label() + ": bias must be a constant of " + cout + " values");
            }
            bias = b.floatData();
        }
        ConvGeometry g = new ConvGeometry(cin, h, wd, cout, kh, kw, (int) st[0], (int) st[1], (int) pads[0],
                (int) pads[1], (int) pads[2], (int) pads[3], (int) dil[0], (int) dil[1], group, oh, ow);
        Value out = newRuntime(n, new int[] {x.shape[0], cout, oh, ow});
        if (x.shape[0] != 1) {
            throw new OnnxFormatException(n.label() + ": batch " + x.shape[0] + " (only batch 1 is supported)");
        }
        OnnxNode relu = fusableRelu(n);
        if (group == cin && group == cout) {
            layers.add(new DepthwiseConvLayer(kernels, x.storage, out.storage, g, w.floats, bias, relu != null));
        } else {
            layers.add(new ConvLayer(kernels, x.storage, out.storage, g, w.floats, bias, relu != null));
        }
        define(n, out);
        if (relu != null) {
            absorbed.add(relu);
            values.put(relu.outputs().get(0), Value.runtime(relu.outputs().get(0), out.shape, out.storage));
        }
    }

    /** The ReLU that alone reads this node's output, if the output is not also a graph output. */
    private OnnxNode fusableRelu(OnnxNode n) {
        String o = n.outputs().get(0);
        List<OnnxNode> c = consumers.getOrDefault(o, List.of());
        if (c.size() == 1 && c.get(0).opType().equals("Relu") && !graphOutputs.contains(o)
                && c.get(0).inputs().size() == 1) {
            return c.get(0);
        }
        return null;
    }

    private void unary(OnnxNode n, UnaryLayer.Op op) {
        Value x = in(n, 0);
        if (x.isConstant()) {
            float[] src = x.floatData();
            float[] out = new float[src.length];
            UnaryLayer.apply(op, src, out, src.length);
            define(n, Value.constant(n.outputs().get(0), x.shape, out));
            return;
        }
        Value out = newRuntime(n, x.shape);
        layers.add(new UnaryLayer(op, x.storage, out.storage));
        define(n, out);
    }

    private void binary(OnnxNode n, BinaryLayer.Op op) {
        Value a = in(n, 0);
        Value b = in(n, 1);
        int[] shape = Shapes.checked(Shapes.broadcast(a.shape, b.shape, n.label()), n.label());
        String name = n.outputs().get(0);
        if (a.isConstant() && b.isConstant()) {
            Shapes.foldable(shape, n.label());
            int[] ma = Shapes.broadcastMap(a.shape, shape);
            int[] mb = Shapes.broadcastMap(b.shape, shape);
            if (a.longs != null && b.longs != null) {
                long[] out = new long[ma.length];
                for (int i = 0; i < out.length; i++) {
                    long u = a.longs[ma[i]];
                    long v = b.longs[mb[i]];
                    out[i] = op == BinaryLayer.Op.ADD ? u + v : u * v;
                }
                define(n, Value.constant(name, shape, out));
            } else {
                float[] out = new float[ma.length];
                BinaryLayer.compute(op, a.floatData(), ma, false, b.floatData(), mb, false, out, out.length);
                define(n, Value.constant(name, shape, out));
            }
            return;
        }
        Value out = newRuntime(n, shape);
        layers.add(new BinaryLayer(op, a, b, out.storage, shape));
        define(n, out);
    }

    private void pool(OnnxNode n, boolean max) {
        Value x = in(n, 0);
        if (x.isConstant() || x.shape.length != 4 || x.shape[0] != 1) {
            throw new OnnxFormatException(n.label() + ": only 2-D pooling of a runtime [1, C, H, W] tensor is supported");
        }
        String pad = Attrs.s(n, "auto_pad", "NOTSET");
        if (!pad.equals("NOTSET")) {
            throw new OnnxFormatException(n.label() + ": auto_pad=" + pad + " is not supported (explicit pads are)");
        }
        long[] ks = Attrs.ints(n, "kernel_shape", null);
        if (ks == null || ks.length != 2) {
            throw new OnnxFormatException(n.label() + ": needs a 2-D kernel_shape");
        }
        long[] st = Attrs.ints(n, "strides", new long[] {1, 1});
        long[] pads = Attrs.ints(n, "pads", new long[] {0, 0, 0, 0});
        long[] dil = Attrs.ints(n, "dilations", new long[] {1, 1});
        if (st.length != 2 || pads.length != 4 || dil.length != 2 || dil[0] != 1 || dil[1] != 1) {
            throw new OnnxFormatException(n.label() + ": strides, pads or dilations unsupported (2-D, dilation 1)");
        }
        if (Attrs.i(n, "storage_order", 0) != 0) {
            throw new OnnxFormatException(n.label() + ": storage_order=1 is not supported");
        }
        Attrs.range(n, "kernel_shape", ks, 1, 64);
        Attrs.range(n, "strides", st, 1, 64);
        Attrs.range(n, "pads", pads, 0, 64);
        boolean ceil = Attrs.i(n, "ceil_mode", 0) != 0;
        int h = x.shape[2];
        int w = x.shape[3];
        int oh = poolOut(h, (int) ks[0], (int) st[0], (int) pads[0], (int) pads[2], ceil);
        int ow = poolOut(w, (int) ks[1], (int) st[1], (int) pads[1], (int) pads[3], ceil);
        if (oh <= 0 || ow <= 0) {
            throw new OnnxFormatException(n.label() + ": window " + Arrays.toString(ks) + " does not fit " + h + "x" + w);
        }
        Value out = newRuntime(n, new int[] {1, x.shape[1], oh, ow});
        layers.add(new PoolLayer(x.storage, out.storage, max, Attrs.i(n, "count_include_pad", 0) != 0, x.shape[1], h, w,
                (int) ks[0], (int) ks[1], (int) st[0], (int) st[1], (int) pads[0], (int) pads[1], (int) pads[2],
                (int) pads[3], oh, ow));
        define(n, out);
    }

    /** Output length of a pooling axis; in ceil mode a last window starting in the end padding is dropped. */
    static int poolOut(int in, int k, int s, int padBegin, int padEnd, boolean ceil) {
        int span = in + padBegin + padEnd - k;
        if (span < 0) {
            return 0;
        }
        int out = (ceil ? (span + s - 1) / s : span / s) + 1;
        if (ceil && (out - 1) * s >= in + padBegin) {
            out--;
        }
        return out;
    }

    private void resize(OnnxNode n) {
        Value x = in(n, 0);
        if (x.isConstant() || x.shape.length < 2) {
            throw new OnnxFormatException(n.label() + ": only resizing a runtime tensor is supported");
        }
        String mode = Attrs.s(n, "mode", "nearest");
        if (!mode.equals("nearest")) {
            throw new OnnxFormatException(n.label() + ": mode '" + mode + "' is not supported (nearest is)");
        }
        if (Attrs.i(n, "exclude_outside", 0) != 0) {
            throw new OnnxFormatException(n.label() + ": exclude_outside=1 is not supported");
        }
        String ctm = Attrs.s(n, "coordinate_transformation_mode", "half_pixel");
        String nearest = Attrs.s(n, "nearest_mode", "round_prefer_floor");
        int r = x.shape.length;
        float[] scales = null;
        long[] sizes = null;
        int count = n.inputs().size();
        Value sc = count == 2 ? optional(n, 1) : optional(n, 2);
        Value sz = count >= 4 ? optional(n, 3) : null;
        if (sz != null && sz.size() > 0) {
            if (!sz.isConstant()) {
                throw new OnnxFormatException(n.label() + ": sizes must be constant");
            }
            sizes = sz.longData();
        } else if (sc != null && sc.size() > 0) {
            if (!sc.isConstant()) {
                throw new OnnxFormatException(n.label() + ": scales must be constant");
            }
            scales = sc.floatData();
        } else {
            throw new OnnxFormatException(n.label() + ": neither scales nor sizes given");
        }
        int given = sizes != null ? sizes.length : scales.length;
        if (given != r) {
            throw new OnnxFormatException(n.label() + ": " + given + " scales/sizes for a rank-" + r + " input");
        }
        int[] outShape = new int[r];
        float[] scale = new float[r];
        for (int i = 0; i < r; i++) {
            if (sizes != null) {
                Attrs.range(n, "sizes", sizes[i], 1, 1 << 20);
                outShape[i] = (int) sizes[i];
                scale[i] = (float) outShape[i] / x.shape[i];
            } else {
                if (!(scales[i] > 0) || scales[i] > 1024) {
                    throw new OnnxFormatException(n.label() + ": scale " + scales[i] + " out of range");
                }
                scale[i] = scales[i];
                double size = Math.floor(x.shape[i] * (double) scales[i]);
                if (size > Shapes.MAX_ELEMENTS) {
                    throw new OnnxFormatException(n.label() + ": scale " + scales[i] + " makes axis " + i + " " + (long) size
                            + " long, over the limit of " + Shapes.MAX_ELEMENTS + " elements");
                }
                outShape[i] = (int) size;
            }
            if (i < r - 2 && outShape[i] != x.shape[i]) {
                throw new OnnxFormatException(n.label() + ": only the last two axes may be resized");
            }
        }
        Shapes.checked(outShape, n.label());
        int[] rows = ResizeIndex.map(x.shape[r - 2], outShape[r - 2], scale[r - 2], ctm, nearest, n.label());
        int[] cols = ResizeIndex.map(x.shape[r - 1], outShape[r - 1], scale[r - 1], ctm, nearest, n.label());
        Value out = newRuntime(n, outShape);
        int planes = 1;
        for (int i = 0; i < r - 2; i++) {
            planes *= x.shape[i];
        }
        layers.add(new ResizeNearestLayer(x.storage, out.storage, planes, x.shape[r - 2], x.shape[r - 1], rows, cols));
        define(n, out);
    }

    private void reshape(OnnxNode n) {
        Value x = in(n, 0);
        long[] target = constIn(n, 1, "shape").longData();
        boolean allowZero = Attrs.i(n, "allowzero", 0) != 0;
        int[] shape = new int[target.length];
        int infer = -1;
        long known = 1;
        for (int i = 0; i < target.length; i++) {
            long d = target[i];
            if (d == 0 && !allowZero) {
                if (i >= x.shape.length) {
                    throw new OnnxFormatException(n.label() + ": 0 at axis " + i + " beyond the input's rank");
                }
                d = x.shape[i];
            }
            if (d == -1) {
                if (infer >= 0) {
                    throw new OnnxFormatException(n.label() + ": more than one -1 in shape " + Arrays.toString(target));
                }
                infer = i;
                continue;
            }
            if (d < 0 || d > Integer.MAX_VALUE) {
                throw new OnnxFormatException(n.label() + ": invalid dimension " + d + " in " + Arrays.toString(target));
            }
            shape[i] = (int) d;
            known *= d;
            if (known > Integer.MAX_VALUE) {
                throw new OnnxFormatException(n.label() + ": shape " + Arrays.toString(target) + " is too large");
            }
        }
        if (infer >= 0) {
            if (known == 0 || x.size() % known != 0) {
                throw new OnnxFormatException(n.label() + ": cannot reshape " + Arrays.toString(x.shape) + " to "
                        + Arrays.toString(target));
            }
            shape[infer] = (int) (x.size() / known);
        }
        alias(n, x, shape);
    }

    private void unsqueeze(OnnxNode n) {
        Value x = in(n, 0);
        long[] axes = n.attributes().containsKey("axes") ? Attrs.ints(n, "axes", null)
                : constIn(n, 1, "axes").longData();
        int r = x.shape.length + axes.length;
        boolean[] inserted = new boolean[r];
        for (long a : axes) {
            int ax = Shapes.axis(a, r, n.label());
            if (inserted[ax]) {
                throw new OnnxFormatException(n.label() + ": axis " + a + " given twice");
            }
            inserted[ax] = true;
        }
        int[] shape = new int[r];
        for (int i = 0, j = 0; i < r; i++) {
            shape[i] = inserted[i] ? 1 : x.shape[j++];
        }
        alias(n, x, shape);
    }

    private void concat(OnnxNode n) {
        List<Value> parts = new ArrayList<>();
        for (int i = 0; i < n.inputs().size(); i++) {
            parts.add(in(n, i));
        }
        if (parts.isEmpty()) {
            throw new OnnxFormatException(n.label() + " has no inputs");
        }
        int r = parts.get(0).shape.length;
        int axis = Shapes.axis(Attrs.i(n, "axis", 0), r, n.label());
        int[] shape = parts.get(0).shape.clone();
        shape[axis] = 0;
        boolean constant = true;
        boolean longs = true;
        for (Value v : parts) {
            if (v.shape.length != r) {
                throw new OnnxFormatException(n.label() + ": inputs of different ranks");
            }
            for (int d = 0; d < r; d++) {
                if (d != axis && v.shape[d] != parts.get(0).shape[d]) {
                    throw new OnnxFormatException(n.label() + ": shapes " + Arrays.toString(parts.get(0).shape) + " and "
                            + Arrays.toString(v.shape) + " differ outside axis " + axis);
                }
            }
            long sum = (long) shape[axis] + v.shape[axis];
            if (sum > Integer.MAX_VALUE) {
                throw new OnnxFormatException(n.label() + ": the concatenated axis " + axis + " exceeds 2^31 elements");
            }
            shape[axis] = (int) sum;
            constant &= v.isConstant();
            longs &= v.isConstant() && v.longs != null;
        }
        Shapes.checked(shape, n.label());
        String name = n.outputs().get(0);
        if (constant && longs) {
            long[] out = new long[Shapes.size(shape)];
            int outer = 1;
            for (int d = 0; d < axis; d++) {
                outer *= shape[d];
            }
            int o = 0;
            for (int a = 0; a < outer; a++) {
                for (Value v : parts) {
                    int blk = v.size() / outer;
                    System.arraycopy(v.longs, a * blk, out, o, blk);
                    o += blk;
                }
            }
            define(n, Value.constant(name, shape, out));
            return;
        }
        Value out = newRuntime(n, shape);
        ConcatLayer layer = new ConcatLayer(parts, axis, out.storage);
        if (constant) {
            float[] data = new float[out.size()];
            float[][] none = new float[][] {data};
            out.storage.slot = 0;
            layer.run(none, null);
            define(n, Value.constant(name, shape, data));
            return;
        }
        layers.add(layer);
        define(n, out);
    }

    private void instanceNorm(OnnxNode n) {
        Value x = in(n, 0);
        Value scale = constIn(n, 1, "scale");
        Value bias = constIn(n, 2, "B");
        if (x.isConstant() || x.shape.length < 3 || x.shape[0] != 1) {
            throw new OnnxFormatException(n.label() + ": only a runtime [1, C, ...] input is supported");
        }
        int c = x.shape[1];
        if (scale.size() != c || bias.size() != c) {
            throw new OnnxFormatException(n.label() + ": scale and B need " + c + " values");
        }
        float eps = Attrs.f(n, "epsilon", 1e-5f);
        Value out = newRuntime(n, x.shape);
        layers.add(new InstanceNormLayer(x.storage, out.storage, c, x.size() / Math.max(1, c), scale.floatData(),
                bias.floatData(), eps));
        define(n, out);
    }
}
