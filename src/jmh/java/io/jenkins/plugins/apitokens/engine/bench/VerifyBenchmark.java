package io.jenkins.plugins.apitokens.engine.bench;

import io.jenkins.plugins.apitokens.engine.AuditListener;
import io.jenkins.plugins.apitokens.engine.TokenFormat;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import io.jenkins.plugins.apitokens.engine.TokenRequest;
import io.jenkins.plugins.apitokens.engine.TokenService;
import io.jenkins.plugins.apitokens.engine.Verification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
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
/*
 * A fixed heap, touched before the run: otherwise the young generation keeps growing into memory the process has
 * never used, and every check pays for the kernel handing out fresh pages (with 100,000 tokens that was most of
 * the time measured). A long-running Jenkins reuses pages it touched long ago.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class VerifyBenchmark {

    @Param({"1", "1000", "100000"})
    public int tokens;

    private TokenService service;
    /** Every value's ASCII bytes, one after the other, as requests bring them. */
    private byte[] presented;
    private CoreModel core;
    private Path directory;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        service = new TokenService(new MemoryRepository(), Clock.systemUTC(), () -> TokenPolicy.DEFAULT,
                AuditListener.NONE);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < tokens; i++) {
            values.add(service.create("alice", TokenRequest.named("token " + i), "alice").value());
        }
        // Walked in order, the shuffled values meet the tokens in no order: their bytes are at hand, as a request's
        // are, while each token has to be fetched from memory.
        Collections.shuffle(values, new Random(42));
        presented = new byte[tokens * TokenFormat.LENGTH];
        for (int i = 0; i < tokens; i++) {
            byte[] bytes = values.get(i).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(bytes, 0, presented, i * TokenFormat.LENGTH, TokenFormat.LENGTH);
        }
        directory = Files.createTempDirectory("core-model");
        core = new CoreModel(tokens, directory);
    }

    /** Each thread walks the tokens from its own starting point, so that threads seldom check the same token. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        @Setup(Level.Trial)
        public void start() {
            next = ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE);
        }

        int advance(int bound) {
            next = (next + 1) % bound;
            return next;
        }
    }

    /**
     * A value as a request presents it: a new string decoded from bytes at hand, as core's Basic authentication
     * decodes the header, so the value is in the processor's caches and the token is not. Keeping 100,000 ready
     * strings instead charged every check with fetching a cold string, which no request pays.
     */
    private String present(Cursor cursor) {
        return new String(presented, cursor.advance(tokens) * TokenFormat.LENGTH, TokenFormat.LENGTH,
                StandardCharsets.US_ASCII);
    }

    /** The benchmark's own share of each check: picking the next token's bytes and decoding them. */
    @Benchmark
    public String baselinePresentValue(Cursor cursor) {
        return present(cursor);
    }

    @Benchmark
    public Verification engineVerify(Cursor cursor) {
        return service.verify("alice", present(cursor), "10.0.0.1");
    }

    @Benchmark
    public boolean coreModelCheckAndRecord(Cursor cursor) throws IOException {
        return core.checkAndRecord(core.values.get(cursor.advance(tokens)));
    }

    @Benchmark
    @Threads(8)
    public Verification engineVerify8Threads(Cursor cursor) {
        return service.verify("alice", present(cursor), "10.0.0.1");
    }

    @Benchmark
    @Threads(8)
    public boolean coreModelCheckAndRecord8Threads(Cursor cursor) throws IOException {
        return core.checkAndRecord(core.values.get(cursor.advance(tokens)));
    }
}
