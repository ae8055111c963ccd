package io.jenkins.plugins.apitokens.engine.bench;

import io.jenkins.plugins.apitokens.engine.AuditListener;
import io.jenkins.plugins.apitokens.engine.DecoyAlarm;
import io.jenkins.plugins.apitokens.engine.DecoyStore;
import io.jenkins.plugins.apitokens.engine.DecoyUse;
import io.jenkins.plugins.apitokens.engine.Decoys;
import io.jenkins.plugins.apitokens.engine.StoredDecoy;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import io.jenkins.plugins.apitokens.engine.TokenRequest;
import io.jenkins.plugins.apitokens.engine.TokenService;
import java.time.Clock;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A value checked as the authenticator checks it: {@code verify}, and only if that refuses it, a look among the
 * decoys. With no decoys and with 1,000, for a live token (the normal check, which never reaches the decoys) and for
 * an unknown value of the token format (what a mistyped or revoked value costs).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class DecoyBenchmark {

    @Param({"0", "1000"})
    public int decoys;

    private TokenService service;
    private Decoys tripwires;
    private String live;
    private String unknown;
    private final DecoyUse use = DecoyUse.request("10.0.0.1", "GET", "/whoAmI/api/json", "alice", "curl/8.5.0");

    @Setup(Level.Trial)
    public void setUp() {
        service = new TokenService(new MemoryRepository(), Clock.systemUTC(), () -> TokenPolicy.DEFAULT,
                AuditListener.NONE);
        for (int i = 0; i < 1000; i++) {
            service.create("alice", TokenRequest.named("token " + i), "alice");
        }
        live = service.create("alice", TokenRequest.named("live"), "alice").value();
        String revoked = service.create("bob", TokenRequest.named("gone"), "bob").value();
        unknown = revoked;
        service.revoke("bob", service.list("bob").get(0).id(), "bob");
        tripwires = new Decoys(new NowhereStore(), Clock.systemUTC(), AuditListener.NONE, DecoyAlarm.NONE,
                Runnable::run);
        for (int i = 0; i < decoys; i++) {
            tripwires.create("decoy " + i, "", "admin");
        }
    }

    private boolean check(String user, String value) {
        if (service.verify(user, value, "10.0.0.1").isAccepted()) {
            return true;
        }
        tripwires.trip(value, use);
        return false;
    }

    @Benchmark
    public boolean liveToken() {
        return check("alice", live);
    }

    @Benchmark
    public boolean unknownValue() {
        return check("bob", unknown);
    }

    /** Decoys kept nowhere: the benchmark measures the check, not the file. */
    private static final class NowhereStore implements DecoyStore {
        @Override
        public List<StoredDecoy> load() {
            return List.of();
        }

        @Override
        public void save(List<StoredDecoy> all) {}
    }
}
