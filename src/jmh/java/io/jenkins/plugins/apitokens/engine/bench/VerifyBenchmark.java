package io.jenkins.plugins.apitokens.engine.bench;

import io.jenkins.plugins.apitokens.engine.AuditListener;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import io.jenkins.plugins.apitokens.engine.TokenRequest;
import io.jenkins.plugins.apitokens.engine.TokenService;
import io.jenkins.plugins.apitokens.engine.Verification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One token check for a user who has 1, 1,000 or 100,000 tokens: the engine (lookup by id, constant-time hash
 * compare, usage counted in memory) beside the core model (scan, compare, save per use). One thread, then eight.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class VerifyBenchmark {

    @Param({"1", "1000", "100000"})
    public int tokens;

    private TokenService service;
    private String[] values;
    private CoreModel core;
    private Path directory;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        service = new TokenService(new MemoryRepository(), Clock.systemUTC(), () -> TokenPolicy.DEFAULT,
                AuditListener.NONE);
        values = new String[tokens];
        for (int i = 0; i < tokens; i++) {
            values[i] = service.create("alice", TokenRequest.named("token " + i), "alice").value();
        }
        directory = Files.createTempDirectory("core-model");
        core = new CoreModel(tokens, directory);
    }

    /** Each thread walks the tokens from its own offset, so checks hit different tokens. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance(int bound) {
            next = (next + 7919) % bound;
            return next;
        }
    }

    /**
     * The benchmark's own share: fetching the next value and reading its characters, as any check must. With
     * 100,000 pre-made values this misses the CPU caches; a real request's value was just decoded and is in them.
     */
    @Benchmark
    public byte[] baselineReadValue(Cursor cursor) {
        return values[cursor.advance(tokens)].getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public Verification engineVerify(Cursor cursor) {
        return service.verify("alice", values[cursor.advance(tokens)], "10.0.0.1");
    }

    @Benchmark
    public boolean coreModelCheckAndRecord(Cursor cursor) throws IOException {
        return core.checkAndRecord(core.values.get(cursor.advance(tokens)));
    }

    @Benchmark
    @Threads(8)
    public Verification engineVerify8Threads(Cursor cursor) {
        return service.verify("alice", values[cursor.advance(tokens)], "10.0.0.1");
    }

    @Benchmark
    @Threads(8)
    public boolean coreModelCheckAndRecord8Threads(Cursor cursor) throws IOException {
        return core.checkAndRecord(core.values.get(cursor.advance(tokens)));
    }
}
