package io.jenkins.plugins.apitokens;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * HTTP/1.1 written by hand, so that a test can send a path exactly as an attacker would: with dot segments, double
 * slashes, backslashes or broken escapes that every URL class would normalize or refuse before sending.
 */
public final class RawHttp {

    /** A status and a body. */
    public record Reply(int status, String body) {}

    private RawHttp() {}

    /**
     * @param root Jenkins' root URL, such as {@code http://localhost:1234/jenkins/}
     * @param path below the root, sent as it is
     */
    public static Reply send(
            URL root, String method, String path, String user, String secret, Map<String, String> headers)
            throws IOException {
        String target = root.getPath() + path;
        String auth = Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
        StringBuilder request = new StringBuilder()
                .append(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\n")
                .append("Host: ")
                .append(root.getHost())
                .append(':')
                .append(root.getPort())
                .append("\r\nAuthorization: Basic ")
                .append(auth)
                .append("\r\nContent-Length: 0\r\nConnection: close\r\n");
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyStart = text.indexOf("\r\n\r\n");
            return new Reply(status, bodyStart < 0 ? "" : text.substring(bodyStart + 4));
        }
    }

    /**
     * A form posted as a script posts it ({@code curl -u user:token --data-urlencode name=value}), following no
     * redirect: what Jenkins answers is what the script sees.
     *
     * @param path below the root, sent as it is
     */
    public static Reply postForm(URL root, String path, String user, String secret, Map<String, String> form)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        String auth = Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + path))
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }
}
