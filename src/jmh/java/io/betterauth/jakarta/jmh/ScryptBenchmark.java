package io.betterauth.jakarta.jmh;

import io.betterauth.jakarta.core.security.PasswordHasher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Sign-in's bound: one scrypt verification (N=16384, r=16, p=1, 64 bytes), as Better Auth stores passwords. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScryptBenchmark {

    final PasswordHasher hasher = new PasswordHasher();
    String stored;

    @Setup
    public void setup() {
        stored = hasher.hash("correct horse battery staple");
    }

    @Benchmark
    public boolean scryptVerify() {
        return hasher.verify("correct horse battery staple", stored);
    }
}
