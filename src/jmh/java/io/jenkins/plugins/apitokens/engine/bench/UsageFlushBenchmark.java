package io.jenkins.plugins.apitokens.engine.bench;

import io.jenkins.plugins.apitokens.engine.AuditListener;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import io.jenkins.plugins.apitokens.engine.TokenRequest;
import io.jenkins.plugins.apitokens.engine.TokenService;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The usage recorder under load: seven threads verify (and so record uses) of 100 users' tokens while an eighth
 * flushes continuously, the worst case for the write-behind's folding.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
/* Fixed, pre-touched heap: see VerifyBenchmark. */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Group)
public class UsageFlushBenchmark {

    private static final int USERS = 100;

    private TokenService service;
    private String[] values;

    @Setup
    public void setUp() {
        service = new TokenService(new MemoryRepository(), Clock.systemUTC(), () -> TokenPolicy.DEFAULT,
                AuditListener.NONE);
        values = new String[USERS];
        for (int i = 0; i < USERS; i++) {
            values[i] = service.create("user" + i, TokenRequest.named("ci"), "user" + i).value();
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    @Group("recordWhileFlushing")
    @GroupThreads(7)
    public boolean record(Cursor cursor) {
        int user = cursor.next = (cursor.next + 1) % USERS;
        return service.verify("user" + user, values[user], "10.0.0.1").isAccepted();
    }

    @Benchmark
    @Group("recordWhileFlushing")
    @GroupThreads(1)
    public int flush() {
        return service.flushUsage();
    }
}
