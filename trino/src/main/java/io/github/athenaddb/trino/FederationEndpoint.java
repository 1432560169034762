package io.github.athenaddb.trino;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** Where a catalog's federation source runs: a handler class in this JVM, or a Lambda function. */
public sealed interface FederationEndpoint
        permits FederationEndpoint.InProcessHandler, FederationEndpoint.LambdaFunction
{
    /** @param config the handler's settings ({@code federation.config.*}), its Lambda environment */
    FederationFunction open(Map<String, String> config);

    /**
     * A {@code RequestStreamHandler} class, built with a {@code Map<String, String>} constructor
     * when it has one (the settings as its environment), otherwise with its no-argument one
     * (which then reads the real environment, as in Lambda).
     */
    record InProcessHandler(String className)
            implements FederationEndpoint
    {
        public InProcessHandler
        {
            requireNonNull(className, "className is null");
        }

        @Override
        public FederationFunction open(Map<String, String> config)
        {
            return new InProcessFunction(instantiate(config));
        }

        private RequestStreamHandler instantiate(Map<String, String> config)
        {
            Class<?> type;
            try {
                // The plugin's own class loader: in a Trino server the handler's jar sits in the plugin directory.
                type = Class.forName(className, true, InProcessHandler.class.getClassLoader());
            }
            catch (ClassNotFoundException e) {
                throw new IllegalArgumentException(FederationConfig.HANDLER + "=" + className + ": no such class on the plugin's classpath");
            }
            if (!RequestStreamHandler.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(FederationConfig.HANDLER + "=" + className + " is not a Lambda RequestStreamHandler");
            }
            try {
                Constructor<?> withConfig = configConstructor(type);
                if (withConfig != null) {
                    return (RequestStreamHandler) withConfig.newInstance(config);
                }
                if (!config.isEmpty()) {
                    throw new IllegalArgumentException(className + " takes no configuration (no Map<String, String> constructor), yet "
                            + FederationConfig.CONFIG_PREFIX + "* properties are set: " + config.keySet());
                }
                return (RequestStreamHandler) type.getConstructor().newInstance();
            }
            catch (InvocationTargetException e) {
                // The handler refused its configuration: its message says why.
                throw new IllegalArgumentException(className + ": " + e.getCause().getMessage(), e.getCause());
            }
            catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(className + " cannot be instantiated: " + e, e);
            }
        }

        private static Constructor<?> configConstructor(Class<?> type)
        {
            try {
                return type.getConstructor(Map.class);
            }
            catch (NoSuchMethodException e) {
                return null;
            }
        }
    }

    /** A deployed Lambda function, by name or ARN, invoked over the Lambda API with the AWS SDK. */
    record LambdaFunction(String nameOrArn, AwsSettings aws)
            implements FederationEndpoint
    {
        public LambdaFunction
        {
            requireNonNull(nameOrArn, "nameOrArn is null");
            requireNonNull(aws, "aws is null");
        }

        /** @param config empty: a deployed function has its own environment ({@link FederationConfig} refuses settings for it) */
        @Override
        public FederationFunction open(Map<String, String> config)
        {
            return LambdaInvokeFunction.create(nameOrArn, aws);
        }
    }
}
