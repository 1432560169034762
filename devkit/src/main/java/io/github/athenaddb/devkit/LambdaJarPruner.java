package io.github.athenaddb.devkit;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Shrinks the shaded Lambda jar to the classes the connector can reach, run by the connector's
 * build right after shading (its {@code package} phase). Two kinds of code are pruned; everything
 * else is kept whole:
 *
 * <ul>
 * <li><b>AWS SDK service modules</b> ({@code software.amazon.awssdk.services.NAME}): a generated
 * client holds every operation of its service (Glue: 270), the connector calls a few. A service
 * is kept only if a kept class refers to one of its clients; then its builders, endpoint rules,
 * auth and internal classes, every modeled exception, and for each operation a kept class names
 * (its {@code ...Request} or the request's builder) that operation's request, response,
 * marshaller and paginator with everything they refer to. The generated client itself, whose
 * methods name every operation, is kept without following those names; the JVM's verifier loads
 * (but does not link) each operation's request class when it links the client, so those classes
 * are kept too, without what they refer to.</li>
 * <li><b>Libraries the connector uses in part</b> (Guava, Commons, and the federation SDK's
 * handler, security and credentials classes, whose handlers the connector does not extend): kept
 * only as far as the rest of the kept classes refer to them.</li>
 * </ul>
 *
 * <p>A class is referred to when its name appears in another's constant pool (as a class, in a
 * descriptor or signature, or as a string literal naming a class of the jar, which covers classes
 * loaded by name); a class named in a resource that lists classes ({@code META-INF/services/*},
 * {@code *.interceptors}) is kept. {@code META-INF/versions/**} goes: the jar is not a
 * multi-release jar, so the JVM never reads it (nor from Lambda's unpacked task root).
 *
 * <p>{@code ShadedJarIT} checks the result: every class a kept class refers to is in the jar (but
 * for the request classes kept on their own), and {@code LambdaRuntimeIT} runs each service the
 * template can turn on from the pruned jar.
 *
 * <p>Usage: {@code LambdaJarPruner JAR}: rewrites JAR in place and prints what it removed.
 */
public final class LambdaJarPruner
{
    private static final Pattern SERVICE = Pattern.compile("software/amazon/awssdk/services/([a-z0-9]+)/(.+)");
    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([A-Za-z_$][\\w$/]*);");
    private static final Pattern CLIENT = Pattern.compile("[A-Z]\\w*Client");
    private static final Pattern OPERATION_REQUEST = Pattern.compile("model/(\\w+)Request(\\$\\w+)?");
    /** Libraries kept only as far as kept classes refer to them (none of them loads classes by computed names). */
    private static final List<String> REACHED_ONLY = List.of("com/google/common/", "org/apache/commons/",
            "com/amazonaws/athena/connector/lambda/handlers/", "com/amazonaws/athena/connector/lambda/security/",
            "com/amazonaws/athena/connector/credentials/");
    /** 1980-02-01: the same bytes for the same classes (a time before 1980 would add an extra field to every entry). */
    private static final long FIXED_TIME = 318211200000L;

    private final Map<String, byte[]> entries;
    private final Map<String, Set<String>> references = new HashMap<>();
    private final Set<String> keep = new HashSet<>();
    /** Classes whose references have been followed (a class kept on its own is in keep only). */
    private final Set<String> followed = new HashSet<>();
    private final Set<String> servicesKept = new HashSet<>();
    private final Deque<String> pending = new ArrayDeque<>();
    /** For -Dpruner.why=CLASS: the first class found referring to each class. */
    private final Map<String, String> reachedFrom = new HashMap<>();

    private LambdaJarPruner(Map<String, byte[]> entries)
    {
        this.entries = entries;
    }

    public static void main(String[] args)
            throws IOException
    {
        Path jar = Path.of(args[0]);
        Map<String, byte[]> entries = read(jar);
        LambdaJarPruner pruner = new LambdaJarPruner(entries);
        Set<String> kept = pruner.reachable();
        String why = System.getProperty("pruner.why");
        Set<String> shown = new HashSet<>();
        for (String type = why == null ? null : why.replace('.', '/'); type != null && shown.add(type); type = pruner.reachedFrom.get(type)) {
            System.out.println("  kept through " + type);
        }
        Map<String, Integer> removed = new TreeMap<>();
        Map<String, byte[]> result = new LinkedHashMap<>();
        long before = Files.size(jar);
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            String name = entry.getKey();
            boolean isClass = name.endsWith(".class");
            if (name.startsWith("META-INF/versions/") || (isClass && !kept.contains(className(name)))) {
                removed.merge(group(name), 1, Integer::sum);
            }
            else {
                result.put(name, listsClasses(name) ? withoutRemoved(entry.getValue(), kept) : entry.getValue());
            }
        }
        Path temporary = jar.resolveSibling(jar.getFileName() + ".pruning");
        write(temporary, result);
        Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf(Locale.ROOT, "LambdaJarPruner: %s %,d -> %,d bytes, %,d -> %,d entries; removed %s%n", jar.getFileName(), before,
                Files.size(jar), entries.size(), result.size(), removed);
    }

    /** The jar's own class names (slash-separated, no .class) that the connector can reach. */
    Set<String> reachable()
    {
        for (String name : entries.keySet()) {
            if (name.startsWith("META-INF/versions/")) {
                continue;
            }
            if (name.endsWith(".class")) {
                String type = className(name);
                if (!SERVICE.matcher(type).matches() && REACHED_ONLY.stream().noneMatch(type::startsWith)) {
                    pending.add(type);
                }
            }
            else if (listsClasses(name)) {
                for (String listed : listed(entries.get(name))) {
                    // A service's SDK warm-up provider is a service of the SDK core's: kept with the service only.
                    if (!SERVICE.matcher(listed).matches() && REACHED_ONLY.stream().noneMatch(listed::startsWith)) {
                        pending.add(listed);
                    }
                }
            }
        }
        follow();
        // The listed classes of kept services (each may keep more), until nothing changes.
        for (int kept = -1; kept != keep.size(); ) {
            kept = keep.size();
            for (String name : entries.keySet()) {
                if (listsClasses(name)) {
                    for (String listed : listed(entries.get(name))) {
                        Matcher service = SERVICE.matcher(listed);
                        if (service.matches() && servicesKept.contains(service.group(1))) {
                            pending.add(listed);
                        }
                    }
                }
            }
            follow();
        }
        return keep;
    }

    private static boolean listsClasses(String name)
    {
        return name.startsWith("META-INF/services/") && !name.endsWith("/") || name.endsWith(".interceptors");
    }

    /** The class names a service file lists, slash-separated. */
    private static List<String> listed(byte[] file)
    {
        List<String> names = new ArrayList<>();
        for (String line : new String(file, StandardCharsets.UTF_8).split("\n")) {
            String name = line.replaceAll("#.*", "").trim().replace('.', '/');
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** A service file without the lines of removed classes (ServiceLoader fails on a listed class that is missing). */
    private static byte[] withoutRemoved(byte[] file, Set<String> kept)
    {
        StringBuilder out = new StringBuilder();
        for (String line : new String(file, StandardCharsets.UTF_8).split("\n")) {
            String name = line.replaceAll("#.*", "").trim().replace('.', '/');
            if (name.isEmpty() || kept.contains(name)) {
                out.append(line).append('\n');
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void follow()
    {
        while (!pending.isEmpty()) {
            String type = pending.pop();
            if (followed.contains(type) || !entries.containsKey(type + ".class")) {
                continue;
            }
            keep.add(type);
            followed.add(type);
            Matcher service = SERVICE.matcher(type);
            if (service.matches()) {
                String name = service.group(1);
                String rest = service.group(2);
                if (CLIENT.matcher(rest.split("\\$")[0]).matches() || rest.startsWith("Default") && rest.split("\\$")[0].endsWith("Client")) {
                    keepService(name);
                    continue; // names every operation: see the class comment
                }
                Matcher operation = OPERATION_REQUEST.matcher(rest);
                if (operation.matches()) {
                    String prefix = "software/amazon/awssdk/services/" + name + "/";
                    String op = operation.group(1);
                    pending.addAll(List.of(prefix + "model/" + op + "Request", prefix + "model/" + op + "Response",
                            prefix + "transform/" + op + "RequestMarshaller", prefix + "paginators/" + op + "Iterable"));
                }
            }
            boolean infrastructure = service.matches() && !service.group(2).startsWith("model/") && !service.group(2).startsWith("transform/")
                    && !service.group(2).startsWith("paginators/");
            for (String reference : referencesOf(type)) {
                if (infrastructure && isRequestOf(service.group(1), reference)) {
                    // Endpoint rules and handlers test a request's class (instanceof), which loads it: an
                    // operation no kept code calls is never its request's class, nothing further is needed.
                    keep.add(reference);
                    continue;
                }
                if (!reference.equals(type)) {
                    reachedFrom.putIfAbsent(reference, type);
                }
                pending.add(reference);
            }
        }
    }

    private static boolean isRequestOf(String service, String type)
    {
        String prefix = "software/amazon/awssdk/services/" + service + "/model/";
        return type.startsWith(prefix) && type.endsWith("Request") && type.indexOf('$') < 0 && type.indexOf('/', prefix.length()) < 0;
    }

    /** A client of service NAME is kept: what building it and answering its errors needs. */
    private void keepService(String name)
    {
        if (!servicesKept.add(name)) {
            return;
        }
        String prefix = "software/amazon/awssdk/services/" + name + "/";
        for (String entry : entries.keySet()) {
            if (!entry.startsWith(prefix) || !entry.endsWith(".class")) {
                continue;
            }
            String type = className(entry);
            String rest = type.substring(prefix.length());
            String outer = rest.split("\\$")[0];
            if (rest.startsWith("model/")) {
                if (outer.endsWith("Exception")) {
                    pending.add(type);
                }
                else if (outer.endsWith("Request") && !rest.contains("$")) {
                    keep.add(type); // loaded, not linked, when the verifier checks the client: nothing it refers to
                }
            }
            else if (!rest.startsWith("transform/") && !rest.startsWith("paginators/") && !rest.startsWith("waiters/")
                    && !outer.contains("Async") && !outer.contains("Presigner") && !outer.contains("Waiter")) {
                pending.add(type);
            }
        }
    }

    private Set<String> referencesOf(String type)
    {
        return references.computeIfAbsent(type, t -> {
            try {
                return constantPoolClasses(entries.get(t + ".class"));
            }
            catch (IOException e) {
                throw new IllegalStateException("cannot read " + t + ".class", e);
            }
        });
    }

    /** Every class name in a class file's constant pool: class entries, descriptors, and strings that name a class of the jar. */
    private Set<String> constantPoolClasses(byte[] classFile)
            throws IOException
    {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        in.readInt();
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        List<String> utf8 = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8.add(in.readUTF());
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> found = new HashSet<>();
        for (String value : utf8) {
            String slashed = value.replace('.', '/');
            if (entries.containsKey(slashed + ".class")) {
                found.add(slashed);
            }
            if (value.indexOf('L') >= 0 && value.indexOf(';') > 0) {
                Matcher m = DESCRIPTOR_CLASS.matcher(value);
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }

    private static String className(String entry)
    {
        return entry.substring(0, entry.length() - ".class".length());
    }

    private static String group(String entry)
    {
        if (entry.startsWith("META-INF/versions/")) {
            return "META-INF/versions";
        }
        Matcher service = SERVICE.matcher(entry);
        if (service.matches()) {
            return "awssdk " + service.group(1);
        }
        return String.join("/", List.of(entry.split("/")).subList(0, Math.min(3, entry.split("/").length - 1)));
    }

    private static Map<String, byte[]> read(Path jar)
            throws IOException
    {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(jar); ZipInputStream zip = new ZipInputStream(file)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static void write(Path jar, Map<String, byte[]> entries)
            throws IOException
    {
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.setLevel(9);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry out = new ZipEntry(entry.getKey());
                out.setTime(FIXED_TIME);
                zip.putNextEntry(out);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
    }
}
