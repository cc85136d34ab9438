package io.betterauth.jakarta.core.security;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.SoftReference;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * scrypt (RFC 7914) in plain Java, byte for byte what Bouncy Castle's {@code SCrypt.generate} and OpenSSL's (Node's)
 * scrypt compute, but faster: the Salsa20/8 core runs on local {@code int}s (no array per round), BlockMix writes
 * each block straight to its shuffled place, ROMix's first loop mixes each {@code V} entry from the one before in
 * place (no copies), and the bytes are turned into little-endian {@code int}s once. PBKDF2-HMAC-SHA256 (one
 * iteration) before and after is Bouncy Castle's.
 *
 * <p>The scratch memory ({@code V}, {@code 128·r·N} bytes, and two blocks) is reused through a pool that keeps at
 * most {@code pooled} idle sets, so a busy server does not allocate, zero and collect 32 MiB per derivation (each a
 * humongous object in G1, which with Bouncy Castle's allocation cost young collections and pauses). A caller that
 * finds the pool empty allocates its own set, as without a pool, and gives it back if the pool has room; a set is
 * taken again as soon as it is given back, so under a steady load every derivation in flight keeps reusing one. This
 * class never waits: how many derivations run at once, hence the memory they hold, is bounded by its caller,
 * {@link PasswordHasher}, with a 503 past the bound, and a second queue here would only add a wait with no answer.
 * Idle, the pool holds at most {@code pooled} sets, and only softly: the collector frees them before the heap runs
 * out. Held strongly, they were found to run a server out of memory: every application that bundles the library has
 * a pool of its own (eleven deployments on one Payara kept 700 MiB idle, and a sign-up then failed with
 * {@code OutOfMemoryError}), and a pool outlives the load that filled it. Every buffer is cleared before
 * it goes back (Bouncy Castle and OpenSSL clear theirs too, and it costs a few per cent): {@code V} holds the
 * password's one-iteration PBKDF2 image and its mixes, from which a heap dump taken any time later, long after the
 * password's own strings were collected and overwritten, would let an attacker test guesses without scrypt's cost.
 */
final class ScryptKdf {

    private static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final int n;
    private final int r;
    private final int p;
    private final int keyLength;
    private final int blockInts;
    private final ArrayBlockingQueue<SoftReference<Scratch>> pool;

    /** Scratch memory for one derivation: {@code V} and the two blocks ROMix alternates between. */
    private record Scratch(int[] v, int[] x, int[] y) {
        void clear() {
            Arrays.fill(v, 0);
            Arrays.fill(x, 0);
            Arrays.fill(y, 0);
        }
    }

    /**
     * @param n CPU/memory cost, a power of two above 1
     * @param r block size
     * @param p parallelization (the lanes run one after the other)
     * @param keyLength bytes derived
     * @param pooled scratch sets kept for reuse, 0 for none
     */
    ScryptKdf(int n, int r, int p, int keyLength, int pooled) {
        if (n < 2 || (n & (n - 1)) != 0) {
            throw new IllegalArgumentException("N must be a power of two above 1, not " + n);
        }
        if (r < 1 || p < 1 || keyLength < 1 || pooled < 0) {
            throw new IllegalArgumentException("r, p and the key length must be positive and the pool not negative");
        }
        if (32L * r * n > Integer.MAX_VALUE - 8 || 128L * r * p > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("128·r·N and 128·r·p must fit in an array");
        }
        this.n = n;
        this.r = r;
        this.p = p;
        this.keyLength = keyLength;
        this.blockInts = 32 * r;
        this.pool = pooled == 0 ? null : new ArrayBlockingQueue<>(pooled);
    }

    /** The scratch sets worth keeping: one per processor, and never more than an eighth of the maximum heap. */
    static int defaultPooled(long memoryPerDerivation) {
        Runtime runtime = Runtime.getRuntime();
        return (int) Math.min(runtime.availableProcessors(), runtime.maxMemory() / 8 / memoryPerDerivation);
    }

    byte[] derive(byte[] password, byte[] salt) {
        byte[] bytes = pbkdf2(password, salt, p * 4 * blockInts);
        int[] b = new int[p * blockInts];
        for (int i = 0; i < b.length; i++) {
            b[i] = (int) LE_INT.get(bytes, i * 4);
        }
        Scratch scratch = pooled();
        if (scratch == null) {
            scratch = new Scratch(new int[n * blockInts], new int[blockInts], new int[blockInts]);
        }
        try {
            for (int lane = 0; lane < p; lane++) {
                roMix(b, lane * blockInts, scratch);
            }
        } finally {
            scratch.clear();
            if (pool != null) {
                pool.offer(new SoftReference<>(scratch));
            }
        }
        for (int i = 0; i < b.length; i++) {
            LE_INT.set(bytes, i * 4, b[i]);
        }
        Arrays.fill(b, 0);
        byte[] key = pbkdf2(password, bytes, keyLength);
        Arrays.fill(bytes, (byte) 0);
        return key;
    }

    /** An idle scratch set the collector has not freed, or null. */
    private Scratch pooled() {
        if (pool == null) {
            return null;
        }
        for (SoftReference<Scratch> idle = pool.poll(); idle != null; idle = pool.poll()) {
            Scratch scratch = idle.get();
            if (scratch != null) {
                return scratch;
            }
        }
        return null;
    }

    private static byte[] pbkdf2(byte[] password, byte[] salt, int length) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(password, salt, 1);
        return ((KeyParameter) generator.generateDerivedMacParameters(length * 8)).getKey();
    }

    /** scryptROMix over the block at {@code b[off]}, in place. */
    private void roMix(int[] b, int off, Scratch scratch) {
        int[] v = scratch.v();
        int[] x = scratch.x();
        int[] y = scratch.y();
        int size = blockInts;
        System.arraycopy(b, off, v, 0, size);
        for (int i = 0, at = 0; i < n - 1; i++, at += size) {
            blockMix(v, at, v, at + size);
        }
        blockMix(v, (n - 1) * size, x, 0);
        int last = size - 16;
        int mask = n - 1;
        for (int i = 0; i < n; i++) {
            int from = (x[last] & mask) * size;
            for (int k = 0; k < size; k++) {
                x[k] ^= v[from + k];
            }
            blockMix(x, 0, y, 0);
            int[] t = x;
            x = y;
            y = t;
        }
        System.arraycopy(x, 0, b, off, size);
    }

    /**
     * scryptBlockMix of the {@code 2r} 16-word blocks at {@code in[inOff]} into {@code out[outOff]} (the even blocks'
     * results first, then the odd ones'); the two ranges do not overlap.
     */
    private void blockMix(int[] in, int inOff, int[] out, int outOff) {
        int last = inOff + blockInts - 16;
        int x0 = in[last], x1 = in[last + 1], x2 = in[last + 2], x3 = in[last + 3];
        int x4 = in[last + 4], x5 = in[last + 5], x6 = in[last + 6], x7 = in[last + 7];
        int x8 = in[last + 8], x9 = in[last + 9], x10 = in[last + 10], x11 = in[last + 11];
        int x12 = in[last + 12], x13 = in[last + 13], x14 = in[last + 14], x15 = in[last + 15];
        int blocks = 2 * r;
        for (int i = 0; i < blocks; i++) {
            int s = inOff + 16 * i;
            int o = outOff + 16 * ((i & 1) == 0 ? i >> 1 : r + (i >> 1));
            // X = X xor B_i: the rounds' input, kept for Salsa20's final addition
            int t0 = x0 ^ in[s];
            int t1 = x1 ^ in[s + 1];
            int t2 = x2 ^ in[s + 2];
            int t3 = x3 ^ in[s + 3];
            int t4 = x4 ^ in[s + 4];
            int t5 = x5 ^ in[s + 5];
            int t6 = x6 ^ in[s + 6];
            int t7 = x7 ^ in[s + 7];
            int t8 = x8 ^ in[s + 8];
            int t9 = x9 ^ in[s + 9];
            int t10 = x10 ^ in[s + 10];
            int t11 = x11 ^ in[s + 11];
            int t12 = x12 ^ in[s + 12];
            int t13 = x13 ^ in[s + 13];
            int t14 = x14 ^ in[s + 14];
            int t15 = x15 ^ in[s + 15];
            x0 = t0;
            x1 = t1;
            x2 = t2;
            x3 = t3;
            x4 = t4;
            x5 = t5;
            x6 = t6;
            x7 = t7;
            x8 = t8;
            x9 = t9;
            x10 = t10;
            x11 = t11;
            x12 = t12;
            x13 = t13;
            x14 = t14;
            x15 = t15;
            for (int round = 0; round < 8; round += 2) {
                // columns
                x4 ^= Integer.rotateLeft(x0 + x12, 7);
                x8 ^= Integer.rotateLeft(x4 + x0, 9);
                x12 ^= Integer.rotateLeft(x8 + x4, 13);
                x0 ^= Integer.rotateLeft(x12 + x8, 18);
                x9 ^= Integer.rotateLeft(x5 + x1, 7);
                x13 ^= Integer.rotateLeft(x9 + x5, 9);
                x1 ^= Integer.rotateLeft(x13 + x9, 13);
                x5 ^= Integer.rotateLeft(x1 + x13, 18);
                x14 ^= Integer.rotateLeft(x10 + x6, 7);
                x2 ^= Integer.rotateLeft(x14 + x10, 9);
                x6 ^= Integer.rotateLeft(x2 + x14, 13);
                x10 ^= Integer.rotateLeft(x6 + x2, 18);
                x3 ^= Integer.rotateLeft(x15 + x11, 7);
                x7 ^= Integer.rotateLeft(x3 + x15, 9);
                x11 ^= Integer.rotateLeft(x7 + x3, 13);
                x15 ^= Integer.rotateLeft(x11 + x7, 18);
                // rows
                x1 ^= Integer.rotateLeft(x0 + x3, 7);
                x2 ^= Integer.rotateLeft(x1 + x0, 9);
                x3 ^= Integer.rotateLeft(x2 + x1, 13);
                x0 ^= Integer.rotateLeft(x3 + x2, 18);
                x6 ^= Integer.rotateLeft(x5 + x4, 7);
                x7 ^= Integer.rotateLeft(x6 + x5, 9);
                x4 ^= Integer.rotateLeft(x7 + x6, 13);
                x5 ^= Integer.rotateLeft(x4 + x7, 18);
                x11 ^= Integer.rotateLeft(x10 + x9, 7);
                x8 ^= Integer.rotateLeft(x11 + x10, 9);
                x9 ^= Integer.rotateLeft(x8 + x11, 13);
                x10 ^= Integer.rotateLeft(x9 + x8, 18);
                x12 ^= Integer.rotateLeft(x15 + x14, 7);
                x13 ^= Integer.rotateLeft(x12 + x15, 9);
                x14 ^= Integer.rotateLeft(x13 + x12, 13);
                x15 ^= Integer.rotateLeft(x14 + x13, 18);
            }
            out[o] = x0 += t0;
            out[o + 1] = x1 += t1;
            out[o + 2] = x2 += t2;
            out[o + 3] = x3 += t3;
            out[o + 4] = x4 += t4;
            out[o + 5] = x5 += t5;
            out[o + 6] = x6 += t6;
            out[o + 7] = x7 += t7;
            out[o + 8] = x8 += t8;
            out[o + 9] = x9 += t9;
            out[o + 10] = x10 += t10;
            out[o + 11] = x11 += t11;
            out[o + 12] = x12 += t12;
            out[o + 13] = x13 += t13;
            out[o + 14] = x14 += t14;
            out[o + 15] = x15 += t15;
        }
    }
}
