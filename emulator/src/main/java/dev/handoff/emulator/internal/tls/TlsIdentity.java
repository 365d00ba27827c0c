package dev.handoff.emulator.internal.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** The HTTPS server's private key and certificate: generated self-signed at start, or supplied. */
public final class TlsIdentity {

  private final PrivateKey key;
  private final X509Certificate certificate;

  private TlsIdentity(PrivateKey key, X509Certificate certificate) {
    this.key = key;
    this.certificate = certificate;
  }

  /**
   * Generates an RSA-2048 key and a self-signed certificate valid for a year, whose subject
   * alternative names are {@code localhost}, {@code 127.0.0.1}, {@code ::1} and the given hosts.
   */
  public static TlsIdentity selfSigned(List<String> extraHosts) {
    try {
      // P-256: generated in about a millisecond, where an RSA-2048 key takes a random few hundred
      // (the emulator makes one at every start); every TLS client of the emulator accepts it.
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      KeyPair pair = generator.generateKeyPair();
      Set<String> hosts = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
      hosts.addAll(extraHosts);
      List<GeneralName> names = new ArrayList<>();
      for (String host : hosts) {
        names.add(
            isIpLiteral(host)
                ? new GeneralName(
                    GeneralName.iPAddress, InetAddress.getByName(host).getHostAddress())
                : new GeneralName(GeneralName.dNSName, host));
      }
      X500Name subject = new X500Name("CN=Handoff Emulator,O=Handoff");
      Instant now = Instant.now();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              BigInteger.valueOf(now.toEpochMilli()),
              Date.from(now.minus(Duration.ofDays(1))),
              Date.from(now.plus(Duration.ofDays(365))),
              subject,
              pair.getPublic());
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(names.toArray(GeneralName[]::new)));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
      return new TlsIdentity(pair.getPrivate(), certificate);
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot generate the emulator's TLS certificate", e);
    }
  }

  /** Loads the first private-key entry of a PKCS12 key store. */
  public static TlsIdentity fromPkcs12(Path file, char[] password) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
        String alias = aliases.nextElement();
        if (store.isKeyEntry(alias)) {
          Certificate certificate = store.getCertificate(alias);
          return new TlsIdentity(
              (PrivateKey) store.getKey(alias, password), (X509Certificate) certificate);
        }
      }
      throw new IllegalArgumentException("tls key store " + file + " holds no private key entry");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tls key store " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot open tls key store " + file + ": " + e, e);
    }
  }

  /** The server certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /**
   * A server-side TLS context presenting this identity, through a key manager that holds the key
   * itself: a password-protected key store in between would cost two key derivations at every start
   * for nothing.
   */
  public SSLContext serverContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[] {new OneKeyManager(key, certificate)}, null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the emulator's TLS context", e);
    }
  }

  /** Presents one key and its certificate, whatever the peer asks. */
  private static final class OneKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "emulator";
    private final PrivateKey key;
    private final X509Certificate certificate;

    OneKeyManager(PrivateKey key, X509Certificate certificate) {
      this.key = key;
      this.certificate = certificate;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return matches(keyType) ? new String[] {ALIAS} : null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return matches(keyType) ? ALIAS : null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
      return matches(keyType) ? ALIAS : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return ALIAS.equals(alias) ? new X509Certificate[] {certificate} : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return ALIAS.equals(alias) ? key : null;
    }

    private boolean matches(String keyType) {
      String algorithm = key.getAlgorithm();
      return keyType.equals(algorithm)
          || (algorithm.equals("EC") && keyType.startsWith("EC"))
          || (algorithm.equals("RSA") && keyType.startsWith("RSA"));
    }
  }

  private static boolean isIpLiteral(String host) {
    return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }
}
