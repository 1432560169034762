package io.github.athenaddb.devkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lambda's Runtime API (version 2018-06-01) on 127.0.0.1, for running a function under Lambda's
 * own runtime client off AWS: the client polls {@code GET /runtime/invocation/next}, which
 * answers with the next queued event, and posts the handler's answer to
 * {@code /runtime/invocation/ID/response} or {@code /error}; a function that cannot start posts
 * to {@code /runtime/init/error}. Point the client at it with
 * {@code AWS_LAMBDA_RUNTIME_API=}{@link #address()}.
 */
public final class LambdaRuntimeApi
        implements AutoCloseable
{
    private static final String PREFIX = "/2018-06-01/runtime/";

    private final HttpServer server;
    private final String functionArn;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<byte[]>> answers = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();

    private record Invocation(String id, byte[] event, long deadlineMs) {}

    /** Raised by {@link #invoke} when the function answered with an error (its body is the message). */
    public static final class FunctionError
            extends RuntimeException
    {
        public FunctionError(String message)
        {
            super(message);
        }
    }

    private LambdaRuntimeApi(HttpServer server, String functionArn)
    {
        this.server = server;
        this.functionArn = functionArn;
    }

    public static LambdaRuntimeApi start(String functionName)
    {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LambdaRuntimeApi api = new LambdaRuntimeApi(server, "arn:aws:lambda:us-east-1:123456789012:function:" + functionName);
            server.createContext(PREFIX, api::handle);
            // "next" blocks until an event is queued: it must not hold up the thread that takes the answer.
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "lambda-runtime-api");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return api;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 127.0.0.1:PORT}, the value of AWS_LAMBDA_RUNTIME_API. */
    public String address()
    {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Queues one event and waits for the function's answer, as Lambda's Invoke does.
     *
     * @throws FunctionError when the function posted an error, or could not start
     * @throws IllegalStateException when no answer came within {@code timeout}
     */
    public byte[] invoke(byte[] event, Duration timeout)
    {
        String id = UUID.randomUUID().toString();
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        answers.put(id, answer);
        pending.add(new Invocation(id, event, System.currentTimeMillis() + timeout.toMillis()));
        try {
            return CompletableFuture.anyOf(answer, initError).thenApply(done -> answer.getNow(null)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException e) {
            throw e.getCause() instanceof FunctionError error ? error : new IllegalStateException(e.getCause());
        }
        catch (TimeoutException e) {
            throw new IllegalStateException("the function did not answer invocation " + id + " within " + timeout);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        finally {
            answers.remove(id);
        }
    }

    /** What the function posted to /runtime/init/error, if it has, waiting at most {@code timeout}. */
    public Optional<String> initError(Duration timeout)
    {
        try {
            return Optional.of(initError.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        }
        catch (TimeoutException e) {
            return Optional.empty();
        }
        catch (ExecutionException e) {
            return Optional.of(e.getCause().getMessage());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void handle(HttpExchange exchange)
            throws IOException
    {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                next(exchange);
            }
            else if (path.equals("init/error")) {
                String message = errorText(exchange, body);
                initError.completeExceptionally(new FunctionError(message));
                exchange.sendResponseHeaders(202, -1);
            }
            else if (path.startsWith("invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
                String id = path.substring("invocation/".length(), path.lastIndexOf('/'));
                CompletableFuture<byte[]> answer = answers.get(id);
                if (answer == null) {
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                if (path.endsWith("/response")) {
                    answer.complete(body);
                }
                else {
                    answer.completeExceptionally(new FunctionError(errorText(exchange, body)));
                }
                exchange.sendResponseHeaders(202, -1);
            }
            else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private void next(HttpExchange exchange)
            throws IOException
    {
        Invocation invocation;
        try {
            invocation = pending.take();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(500, -1);
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.add("Lambda-Runtime-Aws-Request-Id", invocation.id());
        headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineMs()));
        headers.add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
        headers.add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, invocation.event().length);
        exchange.getResponseBody().write(invocation.event());
    }

    private static String errorText(HttpExchange exchange, byte[] body)
    {
        String type = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
        return (type == null ? "" : type + ": ") + new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public void close()
    {
        server.stop(0);
    }
}
