package io.jenkins.plugins.apitokens.auth;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.User;
import hudson.util.PluginServletFilter;
import io.jenkins.plugins.apitokens.TokenEngine;
import io.jenkins.plugins.apitokens.coretokens.CoreTokens;
import io.jenkins.plugins.apitokens.engine.TokenRuleException;
import io.jenkins.plugins.apitokens.engine.TokenService;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Holds core's API Token section to the policy: a token core would create there (its <i>Add new token</i>, the
 * tutorials' {@code generateNewToken}, the scripted {@code addFixedToken}, the legacy {@code changeToken}) is refused
 * with 403 and the rule it cannot meet, whoever asks (a browser session, a password, a token), when the policy
 * governs core's tokens ({@link io.jenkins.plugins.apitokens.engine.TokenPolicy#checkCoreTokenCreation}).
 *
 * <p>Every route to those methods goes through core's token descriptor, named in full or by its short name (core
 * looks descriptors up by either): the path is read as Stapler reads it, one segment at a time, decoded once, without
 * path parameters, in any case, and refused wherever the descriptor is followed by one of the creating methods.
 */
@Restricted(NoExternalUse.class)
public class CoreTokenCreation implements Filter {

    private static final String LEGACY = "changetoken";
    private static final Set<String> CREATING = Set.of("generatenewtoken", "addfixedtoken", LEGACY);

    @Initializer(after = InitMilestone.PLUGINS_STARTED)
    public static void register() throws ServletException {
        PluginServletFilter.addFilter(new CoreTokenCreation());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse rsp) {
            List<String> segments = RequestPath.segments(RequestPath.of(http));
            String method = creatingMethod(segments);
            if (method != null) {
                String refusal = refusalOf(http, segments, method);
                if (refusal != null) {
                    TokenRequestFilter.refuse(rsp, refusal);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether a lower-case segment names core's token descriptor, as core looks it up: by the full or the short name
     * of its describable ({@code descriptorByName/…}, {@code descriptor/…}) or by its own class name
     * ({@code extensionList/hudson.model.Descriptor/jenkins.security.ApiTokenProperty$DescriptorImpl}).
     */
    static boolean isCoreTokenDescriptor(String segment) {
        return segment.equals("apitokenproperty") || segment.startsWith("jenkins.security.apitokenproperty");
    }

    /** The creating method the path calls on core's token descriptor, lower-case; {@code null} for none. */
    static String creatingMethod(List<String> segments) {
        boolean descriptorSeen = false;
        for (String segment : segments) {
            String lower = segment.toLowerCase(Locale.ROOT);
            if (isCoreTokenDescriptor(lower)) {
                descriptorSeen = true;
            } else if (descriptorSeen && CREATING.contains(lower)) {
                return lower;
            }
        }
        return null;
    }

    /** Why the policy refuses it, in the request's language; {@code null} when core may go ahead. */
    private static String refusalOf(HttpServletRequest request, List<String> segments, String method) {
        TokenService service = TokenEngine.get().service();
        if (!service.policy().isCoreTokensGoverned()) {
            return null;
        }
        User owner = ownerOf(segments);
        int ownTokens = owner == null ? 0 : service.countOwnTokens(owner.getId()) + CoreTokens.count(owner);
        boolean legacy = method.equals(LEGACY);
        try {
            // A legacy token never expires, on any core.
            boolean canExpire = CoreTokens.canExpire() && !legacy;
            service.policy().checkCoreTokenCreation(canExpire, canExpire ? lifetimeAskedBy(request) : null, ownTokens);
            return null;
        } catch (TokenRuleException e) {
            return e.getMessage();
        } catch (DateTimeParseException | NumberFormatException e) {
            return Messages.CoreTokenCreation_UnknownExpiry();
        }
    }

    /**
     * The lifetime a request asks core for, read as core (2.548 and later) reads it: {@code expirationDuration} in
     * days, {@code never} or nothing for none, {@code custom} for the date in {@code tokenExpiration}, through which
     * the token works.
     */
    private static Duration lifetimeAskedBy(HttpServletRequest request) {
        String duration = request.getParameter("expirationDuration");
        duration = duration == null ? "" : duration.strip();
        return switch (duration) {
            case "", "never" -> null;
            case "custom" ->
                Duration.ofDays(ChronoUnit.DAYS.between(
                        LocalDate.now(),
                        LocalDate.parse(Objects.requireNonNullElse(request.getParameter("tokenExpiration"), ""))));
            default -> Duration.ofDays(Integer.parseInt(duration));
        };
    }

    /**
     * The user whose token it would be: core takes the nearest user the URL leads through ({@code /user/<id>/…} or
     * {@code /me/…}, the last before core's descriptor); a route through none is counted as the requester's.
     */
    private static User ownerOf(List<String> segments) {
        User owner = null;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i).toLowerCase(Locale.ROOT);
            if (isCoreTokenDescriptor(segment)) {
                break;
            }
            if (segment.equals("me")) {
                owner = User.current();
            } else if (segment.equals("user") && i + 1 < segments.size()) {
                owner = User.getById(segments.get(i + 1), false);
            }
        }
        return owner != null ? owner : User.current();
    }
}
