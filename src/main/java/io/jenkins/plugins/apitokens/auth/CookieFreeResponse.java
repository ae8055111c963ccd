package io.jenkins.plugins.apitokens.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response that carries no cookie: the ones set while the request was authenticated (core's remember-me cookie)
 * are removed, and any set later is dropped. A token authenticates one request; a cookie would let whoever holds it
 * go on without the token.
 */
final class CookieFreeResponse extends HttpServletResponseWrapper {

    private static final String SET_COOKIE = "Set-Cookie";

    private CookieFreeResponse(HttpServletResponse response) {
        super(response);
    }

    /** Removes the cookies already set on {@code response}, and wraps it so that no other is. */
    static CookieFreeResponse of(HttpServletResponse response) {
        if (response.containsHeader(SET_COOKIE)) {
            // Servlet 6: a null value removes the header.
            response.setHeader(SET_COOKIE, null);
        }
        return new CookieFreeResponse(response);
    }

    @Override
    public void addCookie(Cookie cookie) {
        // dropped
    }

    @Override
    public void addHeader(String name, String value) {
        if (!SET_COOKIE.equalsIgnoreCase(name)) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!SET_COOKIE.equalsIgnoreCase(name)) {
            super.setHeader(name, value);
        }
    }
}
