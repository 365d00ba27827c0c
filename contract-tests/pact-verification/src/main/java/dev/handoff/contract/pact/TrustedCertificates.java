package dev.handoff.contract.pact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The TLS trust of a verification: the JDK's, or the certificates of one PEM file. */
final class TrustedCertificates {
  private TrustedCertificates() {}

  /**
   * @param settings the settings, of which {@value VerificationSettings#TLS_TRUST} is read
   * @return an SSL context trusting only that file's certificates, or empty for the JDK's trust
   * @throws IllegalArgumentException naming the setting when the file is missing or holds no
   *     certificate
   */
  static Optional<SSLContext> from(VerificationSettings settings) {
    Optional<String> file = settings.get(VerificationSettings.TLS_TRUST);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    Path pem = Path.of(file.get());
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(
            VerificationSettings.TLS_TRUST + ": " + pem + " holds no PEM certificate");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("trusted-" + i++, certificate);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return Optional.of(context);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          VerificationSettings.TLS_TRUST + ": cannot read " + pem + " (" + e + ")", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          VerificationSettings.TLS_TRUST
              + ": "
              + pem
              + " is not a PEM certificate file ("
              + e
              + ")",
          e);
    }
  }
}
