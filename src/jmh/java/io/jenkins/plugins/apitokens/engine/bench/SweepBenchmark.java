package io.jenkins.plugins.apitokens.engine.bench;

import io.jenkins.plugins.apitokens.engine.AuditListener;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import io.jenkins.plugins.apitokens.engine.TokenRequest;
import io.jenkins.plugins.apitokens.engine.TokenService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hourly sweep over 10,000 tokens of 1,000 users, with expiry warnings and revocation for disuse switched on:
 * every token is looked at for notices due, expiries, disuse, ended builds and grace periods. A tenth of the tokens
 * expire within the warning days; the notices go to a channel that counts them (once each: the first run delivers
 * them, the runs measured find them delivered, as hourly sweeps do).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class SweepBenchmark {

    static final int USERS = 1_000;
    static final int TOKENS_PER_USER = 10;

    private TokenService service;
    final AtomicInteger notices = new AtomicInteger();

    @Setup(Level.Trial)
    public void mint() {
        TokenPolicy policy = TokenPolicy.builder()
                .revokeUnusedAfter(Duration.ofDays(365))
                .build();
        service = new TokenService(
                new MemoryRepository(), Clock.systemUTC(), () -> policy, AuditListener.NONE, notice -> {
                    notices.incrementAndGet();
                    return true;
                });
        Instant now = Instant.now();
        for (int u = 0; u < USERS; u++) {
            String user = "user" + u;
            for (int t = 0; t < TOKENS_PER_USER; t++) {
                Instant expiry = t == 0 ? now.plus(Duration.ofDays(5)) : now.plus(Duration.ofDays(200));
                service.create(user, new TokenRequest("token " + t, expiry, null), user);
            }
        }
        service.sweep(run -> true);
    }

    @Benchmark
    public int sweep() {
        return service.sweep(run -> true).size();
    }
}
