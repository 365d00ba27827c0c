package dev.handoff.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * What a client needs to trust the emulator's HTTPS certificate: the certificate itself, as PEM and
 * as a PKCS12 trust store, and a ready {@link SSLContext}.
 */
public final class TrustMaterial {

  /** The password of {@link #pkcs12()}. */
  public static final String PKCS12_PASSWORD = "handoff";

  private final X509Certificate certificate;

  TrustMaterial(X509Certificate certificate) {
    this.certificate = certificate;
  }

  /** The emulator's HTTPS certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** The certificate in PEM form ({@code -----BEGIN CERTIFICATE-----}). */
  public String certificatePem() {
    try {
      String base64 =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(certificate.getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A PKCS12 trust store holding the certificate (alias {@code handoff-emulator}). */
  public KeyStore trustStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("handoff-emulator", certificate);
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the trust store", e);
    }
  }

  /** The PKCS12 trust store's bytes, protected by {@link #PKCS12_PASSWORD}. */
  public byte[] pkcs12() {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      trustStore().store(out, PKCS12_PASSWORD.toCharArray());
      return out.toByteArray();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot write the trust store", e);
    }
  }

  /** A client TLS context that trusts the emulator's certificate (and nothing else). */
  public SSLContext sslContext() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trustStore());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the client TLS context", e);
    }
  }

  /**
   * Writes {@code handoff-emulator.pem} and {@code handoff-emulator-truststore.p12} into a
   * directory.
   *
   * @return the directory
   */
  public Path writeTo(Path directory) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve("handoff-emulator.pem"), certificatePem());
      Files.write(directory.resolve("handoff-emulator-truststore.p12"), pkcs12());
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write trust material to " + directory, e);
    }
  }
}
