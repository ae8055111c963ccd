package io.jenkins.plugins.apitokens.engine;

/**
 * What is known of one attempt to use a decoy, as the client sent it. Every text comes from whoever tried the value,
 * so it is made harmless here, once, for the audit trail, the log, mails and pages alike: characters that could break
 * a line or hide text become {@code ?}, and each text is cut to {@value #MAX_TEXT} characters in its middle.
 *
 * @param via how the value was met
 * @param source the client's address (for a leak report, the reporter's)
 * @param method the HTTP method; {@code null} for a leak report
 * @param path the path asked for; {@code null} for a leak report
 * @param userName the user name sent with the value; {@code null} for a leak report
 * @param userAgent the client's User-Agent header; {@code null} if none
 */
public record DecoyUse(Via via, String source, String method, String path, String userName, String userAgent) {

    static final int MAX_TEXT = 200;

    /** How a decoy's value was met. */
    public enum Via {
        /** Presented as a token, with a request. */
        REQUEST,
        /** Found in a report of leaked values: it tells where the value leaked to. */
        LEAK_REPORT
    }

    public DecoyUse {
        source = harmless(source);
        method = harmless(method);
        path = harmless(path);
        userName = harmless(userName);
        userAgent = harmless(userAgent);
    }

    public static DecoyUse request(String source, String method, String path, String userName, String userAgent) {
        return new DecoyUse(Via.REQUEST, source, method, path, userName, userAgent);
    }

    public static DecoyUse leakReport(String reporter) {
        return new DecoyUse(Via.LEAK_REPORT, reporter, null, null, null, null);
    }

    /** In English, for the audit trail and the log, such as {@code GET /whoAmI/api/json from 10.0.0.7 as 'deploy'}. */
    public String describe() {
        if (via == Via.LEAK_REPORT) {
            return "found in a leak report from " + source;
        }
        StringBuilder text = new StringBuilder()
                .append(method)
                .append(' ')
                .append(path)
                .append(" from ")
                .append(source)
                .append(" as '")
                .append(userName)
                .append('\'');
        if (userAgent != null) {
            text.append(", agent '").append(userAgent).append('\'');
        }
        return text.toString();
    }

    private static String harmless(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(Math.min(text.length(), 4 * MAX_TEXT));
        text.codePoints().limit(4L * MAX_TEXT).forEach(codePoint -> {
            int type = Character.getType(codePoint);
            boolean hiding = Character.isISOControl(codePoint)
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.FORMAT
                    || codePoint == '\'';
            clean.appendCodePoint(hiding ? '?' : codePoint);
        });
        return TokenName.shorten(clean.toString(), MAX_TEXT);
    }
}
