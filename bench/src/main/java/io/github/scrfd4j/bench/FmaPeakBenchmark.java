package io.github.scrfd4j.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * This core's fused multiply-add peak as Java reaches it: twelve independent Vector API accumulators,
 * no memory traffic ({@value #LANE_STEPS} lane-steps of 12 FMAs, 24 floating-point operations each, per call,
 * whatever the vector width).
 * The report states the Java network's GFLOP/s as a share of it.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = {BenchJvm.VECTOR})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class FmaPeakBenchmark {
    static final int LANE_STEPS = 1 << 24;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    public float x = 1.0001f;

    @Benchmark
    public float fmaPeak() {
        FloatVector a = FloatVector.broadcast(F, x);
        FloatVector b = FloatVector.broadcast(F, 0.9999f);
        FloatVector c0 = FloatVector.zero(F);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        FloatVector c4 = c0;
        FloatVector c5 = c0;
        FloatVector c6 = c0;
        FloatVector c7 = c0;
        FloatVector c8 = c0;
        FloatVector c9 = c0;
        FloatVector c10 = c0;
        FloatVector c11 = c0;
        for (int i = 0, n = LANE_STEPS / F.length(); i < n; i++) {
            c0 = a.fma(b, c0);
            c1 = a.fma(b, c1);
            c2 = a.fma(b, c2);
            c3 = a.fma(b, c3);
            c4 = a.fma(b, c4);
            c5 = a.fma(b, c5);
            c6 = a.fma(b, c6);
            c7 = a.fma(b, c7);
            c8 = a.fma(b, c8);
            c9 = a.fma(b, c9);
            c10 = a.fma(b, c10);
            c11 = a.fma(b, c11);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }
}
