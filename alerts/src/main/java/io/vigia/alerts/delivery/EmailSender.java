package io.vigia.alerts.delivery;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/** Sends plain-text mail through one SMTP server (settings {@code alerts.smtp.*}). */
public final class EmailSender {
  /** Where and how to send; the password never appears in {@link #toString()}. */
  public record SmtpSettings(
      String host,
      int port,
      String from,
      String username,
      String password,
      boolean startTls,
      Duration timeout) {
    public boolean configured() {
      return host != null && !host.isBlank();
    }

    @Override
    public String toString() {
      return "SmtpSettings["
          + host
          + ":"
          + port
          + ", from="
          + from
          + ", user="
          + username
          + ", password=***]";
    }
  }

  private final SmtpSettings settings;
  private final Session session;

  public EmailSender(SmtpSettings settings) {
    this.settings = settings;
    Properties p = new Properties();
    p.put("mail.smtp.host", settings.host());
    p.put("mail.smtp.port", Integer.toString(settings.port()));
    p.put("mail.smtp.connectiontimeout", Long.toString(settings.timeout().toMillis()));
    p.put("mail.smtp.timeout", Long.toString(settings.timeout().toMillis()));
    p.put("mail.smtp.writetimeout", Long.toString(settings.timeout().toMillis()));
    boolean auth = settings.username() != null && !settings.username().isBlank();
    p.put("mail.smtp.auth", Boolean.toString(auth));
    if (settings.startTls()) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    Authenticator authenticator =
        !auth
            ? null
            : new Authenticator() {
              @Override
              protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.username(), settings.password());
              }
            };
    this.session = Session.getInstance(p, authenticator);
  }

  public DeliveryResult send(List<String> to, String subject, String body) {
    if (!settings.configured()) {
      return DeliveryResult.failed("no SMTP server configured (alerts.smtp.host)", false);
    }
    try {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(new InternetAddress(settings.from()));
      for (String a : to) {
        m.addRecipient(Message.RecipientType.TO, new InternetAddress(a, true));
      }
      m.setSubject(subject, "UTF-8");
      m.setText(body, "UTF-8");
      m.setSentDate(new Date());
      Transport.send(m);
      return DeliveryResult.delivered();
    } catch (AddressException e) {
      return DeliveryResult.failed("bad address: " + e.getMessage(), false);
    } catch (SendFailedException e) {
      return DeliveryResult.failed("SMTP refused the message: " + e.getMessage(), false);
    } catch (MessagingException e) {
      return DeliveryResult.failed("SMTP error: " + e.getMessage(), true);
    }
  }
}
