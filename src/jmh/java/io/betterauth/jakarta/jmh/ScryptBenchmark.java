package io.betterauth.jakarta.jmh;

import io.betterauth.jakarta.core.security.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.SCrypt;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Sign-in's bound: one scrypt verification (N=16384, r=16, p=1, 64 bytes), as Better Auth stores passwords, and
 * beside it the same derivation by Bouncy Castle's {@code SCrypt.generate} (what {@code Scrypt} used before its own
 * {@code ScryptKdf}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScryptBenchmark {

    final PasswordHasher hasher = new PasswordHasher();
    final byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
    final byte[] salt = "cdc0c23e5c5c406ddddefd2aa143c8ca".getBytes(StandardCharsets.UTF_8);
    String stored;

    @Setup
    public void setup() {
        stored = hasher.hash("correct horse battery staple");
    }

    @Benchmark
    public boolean scryptVerify() {
        return hasher.verify("correct horse battery staple", stored);
    }

    @Benchmark
    public byte[] bouncyCastleGenerate() {
        return SCrypt.generate(password, salt, 16384, 16, 1, 64);
    }
}
