package io.jenkins.plugins.apitokens.engine.bench;

import io.jenkins.plugins.apitokens.engine.PolicyBreach;
import io.jenkins.plugins.apitokens.engine.PolicyCompliance;
import io.jenkins.plugins.apitokens.engine.Reach;
import io.jenkins.plugins.apitokens.engine.Scope;
import io.jenkins.plugins.apitokens.engine.TokenInfo;
import io.jenkins.plugins.apitokens.engine.TokenOrigin;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The policy check a request makes once an enforcement date has come, beside the token check itself: the rules of a
 * strict policy (maximum lifetime, scope, reach, at most 10 tokens a user) for a compliant token and a breaking one,
 * whose user holds 5 tokens (the maximum is then not looked into), and for a token of a user over the maximum, whose
 * 20 tokens are then ranked (the slow path, which only users over the maximum take).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
public class ComplianceBenchmark {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private TokenPolicy policy;
    private TokenInfo compliant;
    private TokenInfo breaking;
    private List<TokenInfo> overMaximum;

    private static TokenInfo token(String id, Scope scope, Reach reach, Instant created, Instant expires) {
        return new TokenInfo(
                "alice", id, id, scope, reach, TokenOrigin.USER, null, created, expires, 0, null, null, null, null,
                List.of(), null);
    }

    @Setup
    public void setUp() {
        policy = TokenPolicy.builder()
                .maxLifetime(Duration.ofDays(30))
                .allowedScopes(EnumSet.of(Scope.READ_ONLY, Scope.RUN_BUILDS))
                .itemLimitRequired(true)
                .maxTokensPerUser(10)
                .enforcementStart(NOW.minus(Duration.ofDays(1)))
                .build();
        compliant = token("compliant", Scope.READ_ONLY, Reach.parse("team/app"), NOW, NOW.plus(Duration.ofDays(30)));
        breaking = token("breaking", Scope.FULL, Reach.EVERYWHERE, NOW.minus(Duration.ofDays(400)), null);
        overMaximum = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            overMaximum.add(token("t" + i, Scope.READ_ONLY, Reach.parse("team/app"), NOW.minusSeconds(20 - i),
                    NOW.plus(Duration.ofDays(29))));
        }
    }

    @Benchmark
    public List<PolicyBreach> compliantToken() {
        return PolicyCompliance.breachesOf(policy, compliant, () -> 5, List::of);
    }

    @Benchmark
    public List<PolicyBreach> breakingToken() {
        return PolicyCompliance.breachesOf(policy, breaking, () -> 5, List::of);
    }

    @Benchmark
    public List<PolicyBreach> userOverTheMaximum() {
        return PolicyCompliance.breachesOf(policy, overMaximum.get(19), () -> 20, () -> overMaximum);
    }

    @Benchmark
    public boolean noEnforcementDate() {
        return TokenPolicy.DEFAULT.isEnforcedAt(NOW);
    }
}
