package io.jenkins.plugins.apitokens;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import io.jenkins.plugins.apitokens.audit.AuditTrail;
import io.jenkins.plugins.apitokens.engine.AuditListener;
import io.jenkins.plugins.apitokens.engine.Decoys;
import io.jenkins.plugins.apitokens.engine.EngineMessage;
import io.jenkins.plugins.apitokens.engine.TokenPolicy;
import io.jenkins.plugins.apitokens.engine.TokenService;
import io.jenkins.plugins.apitokens.notices.DecoyAlerts;
import io.jenkins.plugins.apitokens.notices.NoticeDelivery;
import io.jenkins.plugins.apitokens.policy.TokenPolicyConfiguration;
import io.jenkins.plugins.apitokens.store.ApiTokenStore;
import io.jenkins.plugins.apitokens.store.DecoyFile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import jenkins.model.Jenkins;
import org.jvnet.localizer.LocaleProvider;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** The one {@link TokenService} of this Jenkins, wired to the configured store, policy, audit log and notices. */
@Extension
@Restricted(NoExternalUse.class)
public class TokenEngine {

    private final AdjustableClock clock = new AdjustableClock();
    private volatile TokenService service;
    private volatile Decoys decoys;

    /** The engine's refusals and labels speak the language of the request that reads them, as Jenkins' own do. */
    @Initializer(after = InitMilestone.PLUGINS_STARTED)
    public static void speakTheLanguageOfTheRequest() {
        EngineMessage.readIn(LocaleProvider::getLocale);
    }

    public static TokenEngine get() {
        return ExtensionList.lookupSingleton(TokenEngine.class);
    }

    /** Created on first use, when every extension (the store among them) is known. */
    public TokenService service() {
        TokenService current = service;
        if (current == null) {
            synchronized (this) {
                current = service;
                if (current == null) {
                    current = new TokenService(
                            ApiTokenStore.get(), clock, TokenEngine::currentPolicy, audit(), new NoticeDelivery());
                    service = current;
                }
            }
        }
        return current;
    }

    /** The instance's decoy tokens, read from their file on first use. */
    public Decoys decoys() {
        Decoys current = decoys;
        if (current == null) {
            synchronized (this) {
                current = decoys;
                if (current == null) {
                    DecoyAlerts alerts = new DecoyAlerts();
                    current = new Decoys(
                            new DecoyFile(Jenkins.get().getRootDir()), clock, audit(), alerts, alerts.executor());
                    decoys = current;
                }
            }
        }
        return current;
    }

    /** Every event to the audit trail, which chains it, then logs and stores it. */
    private static AuditListener audit() {
        return AuditTrail.get();
    }

    private static TokenPolicy currentPolicy() {
        TokenPolicyConfiguration configuration = TokenPolicyConfiguration.get();
        return configuration == null ? TokenPolicy.DEFAULT : configuration.toPolicy();
    }

    /** For tests that need to stand at an exact instant, such as a token's expiry. */
    public void setClock(Clock source) {
        clock.source = source;
    }

    /** Delegates to a replaceable clock, so tests can move time for an already running engine. */
    private static final class AdjustableClock extends Clock {
        private volatile Clock source = Clock.systemUTC();

        @Override
        public Instant instant() {
            return source.instant();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
