package io.github.athenaddb.local;

import io.github.athenaddb.local.engine.ServeState;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code query}'s side of {@link ServeScripts}: posts the script to the running serve and copies
 * what comes back to this process's standard output and error, as it comes, and the stats JSON
 * to {@code --stats-json}. The plain JDK HTTP client: this JVM loads next to nothing.
 */
final class ServeScriptClient
{
    private ServeScriptClient() {}

    /** @return the script's exit code, as the serve decided it */
    static int run(ServeState serve, List<String> statements, String format, boolean debug, Path statsJson)
            throws IOException
    {
        URI url = URI.create("http://127.0.0.1:" + serve.scriptPort() + ServeScripts.PATH);
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection(Proxy.NO_PROXY);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty(ServeScripts.FORMAT_HEADER, format);
        connection.setRequestProperty(ServeScripts.DEBUG_HEADER, Boolean.toString(debug));
        try (OutputStream body = connection.getOutputStream()) {
            ServeScripts.writeStatements(statements, body);
        }
        if (connection.getResponseCode() != 200) {
            throw new IOException("the serve at " + serve.baseUrl() + " answered HTTP " + connection.getResponseCode());
        }
        StringBuilder json = new StringBuilder();
        int code = ServeFrames.read(connection.getInputStream(), (channel, bytes) -> {
            switch (channel) {
                case ServeFrames.OUT -> System.out.write(bytes);
                case ServeFrames.ERR -> {
                    System.out.flush();
                    System.err.write(bytes);
                    System.err.flush();
                }
                case ServeFrames.STATS_JSON -> json.append(new String(bytes, StandardCharsets.UTF_8));
                default -> throw new IOException("unknown frame '" + (char) channel + "'");
            }
        });
        System.out.flush();
        if (statsJson != null) {
            Files.writeString(statsJson, json, StandardCharsets.UTF_8);
        }
        return code;
    }
}
