package io.github.athenaddb;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.github.athenaddb.aws.BoundedAwsCalls;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The Lambda entry point ({@code io.github.athenaddb.DdbCompositeHandler}): Athena sends every
 * metadata and record request here as JSON. Configuration comes from the environment.
 *
 * <p>Whatever fails leaves as a {@link ConnectorException}: a message for the person who wrote the
 * query, and no stack trace, since Lambda copies a thrown exception's stack (and its causes')
 * into the error payload. The SDK's dispatch translates failures of a request it understood;
 * this also covers what fails before that: a body that is not JSON, an unknown request type.
 * Each failed request is one line in the function's log, here; its stack trace only at DEBUG.
 *
 * <p>With SnapStart (the template's {@code SnapStart} parameter), Lambda calls
 * {@link #beforeCheckpoint} once, after the constructor, before it snapshots the initialized
 * function: see {@link SnapStartPriming} for what runs there. Without SnapStart, or outside
 * Lambda, it is never called.
 */
public class DdbCompositeHandler
        implements RequestStreamHandler, Resource
{
    private static final Logger log = LoggerFactory.getLogger(DdbCompositeHandler.class);
    private final Map<String, String> environment;
    private final ConnectorHandlers handlers;

    public DdbCompositeHandler()
    {
        this(System.getenv());
    }

    public DdbCompositeHandler(Map<String, String> environment)
    {
        this.environment = Map.copyOf(environment);
        this.handlers = new ConnectorHandlers(environment);
        // Held weakly by the CRaC context; Lambda's runtime holds the handler.
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context)
            throws Exception
    {
        long started = System.nanoTime();
        try {
            SnapStartPriming.prime(handlers, environment);
            log.info("Primed for the snapshot in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
        catch (Exception | LinkageError e) {
            // Priming only saves time after a restore: a snapshot without it still works.
            log.warn("SnapStart priming failed, the snapshot is taken without it: {}", e.toString());
            log.debug("SnapStart priming failed", e);
        }
    }

    /**
     * Nothing to redo: priming opened no connection and resolved no credentials (the clients resolve
     * them on first use, from the restored environment), and no random value was kept.
     */
    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context)
    {
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException
    {
        try {
            // Each AWS call must end, with an error naming it, before Lambda ends the invocation.
            BoundedAwsCalls.invocationStarted(context == null ? 0 : context.getRemainingTimeInMillis());
            handlers.handleRequest(input, output, context);
        }
        catch (RuntimeException e) {
            ConnectorException failure = ErrorTranslator.translate(e);
            log.warn("Request failed: {}", failure.getMessage());
            throw failure;
        }
        catch (LinkageError e) {
            // A class that failed to initialize or is missing from the jar: Lambda would copy the Error's whole stack into the payload.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            ConnectorException failure = ConnectorException.internal("Internal error (" + e.getClass().getSimpleName() + ": " + cause
                    + "). Check that the function runs the connector's jar unchanged; the function's log has the details at DEBUG.");
            log.warn("Request failed: {}", failure.getMessage());
            log.debug("Request failed", e);
            throw failure;
        }
        finally {
            BoundedAwsCalls.invocationEnded();
        }
    }
}
