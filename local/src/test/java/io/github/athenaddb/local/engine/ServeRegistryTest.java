package io.github.athenaddb.local.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code query} finds a running {@code serve}, and how it tells a stale record from a live one, without starting Trino. */
class ServeRegistryTest
{
    @TempDir
    Path dir;

    @Test
    void liveServeIsFoundAndStaleRecordsAreRemoved()
            throws IOException, InterruptedException
    {
        ServeRegistry registry = new ServeRegistry(dir);
        LocalCatalogs catalogs = new LocalCatalogs(Map.of(), Optional.of(URI.create("http://127.0.0.1:8000")), Optional.empty());
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket otherListening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            ServeState self = ServeState.of(url(listening.getLocalPort()), 1, catalogs);

            Path live = registry.register(self);
            // A killed serve: its process is gone.
            Path dead = registry.register(new ServeState(url(otherListening.getLocalPort()), 1, gone.pid(), self.started(), "", "us-east-1", self.fingerprint()));
            // A serve that no longer listens.
            Path notListening = registry.register(new ServeState(url(closedPort()), 1, self.pid(), self.started(), "", "us-east-1", self.fingerprint()));
            Path garbage = Files.writeString(dir.resolve("serve-1.properties"), "baseUrl=http\\://127.0.0.1\\:1\n");
            // An older serve's record, without the endpoint for query's scripts.
            Path older = Files.writeString(dir.resolve("serve-2.properties"), Files.readString(live).replace("scriptPort=1\n", ""));

            assertThat(registry.running()).containsExactly(self);
            assertThat(live).exists();
            assertThat(dead).doesNotExist();
            assertThat(notListening).doesNotExist();
            assertThat(older).doesNotExist();
            assertThat(garbage).doesNotExist();

            // The pid of a serve that is gone, now another process's: its start time tells them apart.
            Path reusedPid = registry.register(new ServeState(url(otherListening.getLocalPort()), 1, self.pid(), "2020-01-01T00:00:00Z", "", "us-east-1",
                    self.fingerprint()));
            assertThat(registry.running()).containsExactly(self);
            assertThat(reusedPid).doesNotExist();
        }
    }

    @Test
    void fingerprintFollowsTheSourceSettingsNotTheShell()
    {
        URI endpoint = URI.create("http://127.0.0.1:8000");
        String base = new LocalCatalogs(Map.of("PATH", "/bin", "spill_bucket", "b"), Optional.of(endpoint), Optional.empty()).fingerprint();

        assertThat(new LocalCatalogs(Map.of("PATH", "/usr/bin", "PWD", "/tmp", "spill_bucket", "b"), Optional.of(endpoint), Optional.empty()).fingerprint())
                .isEqualTo(base);
        assertThat(new LocalCatalogs(Map.of("spill_bucket", "b"), Optional.of(URI.create("http://127.0.0.1:8001")), Optional.empty()).fingerprint())
                .isNotEqualTo(base);
        assertThat(new LocalCatalogs(Map.of("spill_bucket", "b"), Optional.of(endpoint), Optional.of("eu-west-1")).fingerprint())
                .isNotEqualTo(base);
        assertThat(new LocalCatalogs(Map.of("spill_bucket", "b", "AWS_PROFILE", "prod"), Optional.of(endpoint), Optional.empty()).fingerprint())
                .isNotEqualTo(base);
        assertThat(new LocalCatalogs(Map.of("spill_bucket", "other"), Optional.of(endpoint), Optional.empty()).fingerprint())
                .isNotEqualTo(base);
    }

    private static URI url(int port)
    {
        return URI.create("http://127.0.0.1:" + port);
    }

    private static int closedPort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
