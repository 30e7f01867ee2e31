package dev.root24.policy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;

/**
 * A small file of the plugin's classpath, read the one way every {@code classpath:} location is:
 * found exactly once (found in two jars it is refused, so a team cannot shadow the
 * organisation's policy, key or checkpoint with a jar of its own) and read up to a bound.
 *
 * @param url where it was found
 * @param bytes its content
 */
public record ClasspathResource(URL url, byte[] bytes) {

    /**
     * @param named how every message starts, e.g. {@code classpath:root24/acme-policy.yaml:}
     * @param missing the rest of the message when it is not found
     * @throws PolicyException with a one-line message that never quotes the content
     */
    public static ClasspathResource readSingle(ClassLoader loader, String resource, int maxBytes, String named, String missing)
            throws PolicyException {
        List<URL> urls;
        try {
            urls = Collections.list(loader.getResources(resource));
        } catch (IOException e) {
            throw new PolicyException(named + " cannot be looked up (" + e.getClass().getSimpleName() + ")");
        }
        if (urls.isEmpty()) {
            throw new PolicyException(named + " " + missing);
        }
        if (urls.size() > 1) {
            throw new PolicyException(named + " is in " + urls.size() + " places on the plugin's classpath;"
                    + " refusing to guess which one is the organisation's");
        }
        byte[] bytes;
        try (InputStream in = urls.get(0).openStream()) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new PolicyException(named + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length > maxBytes) {
            throw new PolicyException(named + " is larger than the limit of " + maxBytes + " bytes");
        }
        return new ClasspathResource(urls.get(0), bytes);
    }
}
