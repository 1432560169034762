package io.github.athenaddb.trino;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static java.util.Objects.requireNonNull;

/**
 * Lambda's Invoke API (2015-03-31) on 127.0.0.1 for one function, served in-process: {@code POST
 * /2015-03-31/functions/NAME/invocations} runs the handler on the payload. As Lambda does, a handler
 * that throws answers 200 with {@code X-Amz-Function-Error: Unhandled} and the Java runtime's
 * error document; another function name is a 404 ResourceNotFoundException.
 */
final class LambdaInvokeServer
        implements AutoCloseable
{
    private static final String PREFIX = "/2015-03-31/functions/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String functionName;
    private final RequestStreamHandler handler;
    private final List<String> invoked = new CopyOnWriteArrayList<>();

    private LambdaInvokeServer(HttpServer server, String functionName, RequestStreamHandler handler)
    {
        this.server = server;
        this.functionName = functionName;
        this.handler = handler;
    }

    static LambdaInvokeServer start(String functionName, RequestStreamHandler handler)
    {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LambdaInvokeServer lambda = new LambdaInvokeServer(server, requireNonNull(functionName), requireNonNull(handler));
            server.createContext(PREFIX, lambda::handle);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return lambda;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI endpoint()
    {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The function names of the invocations served, as the client sent them. */
    List<String> invoked()
    {
        return List.copyOf(invoked);
    }

    private void handle(HttpExchange exchange)
            throws IOException
    {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (!exchange.getRequestMethod().equals("POST") || !path.endsWith("/invocations")) {
                send(exchange, 404, Map.of("x-amzn-ErrorType", "UnknownOperationException"), error("UnknownOperationException", path));
                return;
            }
            String name = URLDecoder.decode(path.substring(PREFIX.length(), path.length() - "/invocations".length()), StandardCharsets.UTF_8);
            invoked.add(name);
            // Lambda accepts the name, or an ARN ending in :function:NAME.
            if (!name.equals(functionName) && !name.endsWith(":function:" + functionName)) {
                send(exchange, 404, Map.of("x-amzn-ErrorType", "ResourceNotFoundException"),
                        error("ResourceNotFoundException", "Function not found: " + name));
                return;
            }
            byte[] event = exchange.getRequestBody().readAllBytes();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                handler.handleRequest(new ByteArrayInputStream(event), out, new InProcessLambdaContext(functionName));
            }
            catch (Exception e) {
                send(exchange, 200, Map.of("X-Amz-Function-Error", "Unhandled"), error(e.getClass().getName(), e.getMessage()));
                return;
            }
            send(exchange, 200, Map.of(), out.toByteArray());
        }
    }

    /** The Java runtime's error document, as Lambda returns it in the payload. */
    private static byte[] error(String type, String message)
            throws IOException
    {
        ObjectNode error = JSON.createObjectNode();
        error.put("errorMessage", message);
        error.put("errorType", type);
        error.putArray("stackTrace");
        // The Lambda API's own errors carry a "message"; the SDK reads it from there.
        error.put("message", message);
        return JSON.writeValueAsBytes(error);
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException
    {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close()
    {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
