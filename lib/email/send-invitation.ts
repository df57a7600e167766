import nodemailer from 'nodemailer';
import { env } from '@/lib/env';

export interface InvitationMail {
  to: string;
  workspaceName: string;
  inviterEmail: string;
  role: string;
  link: string;
}

/**
 * Sends the invitation through SMTP_URL. Without SMTP the link is logged for the operator and the
 * caller shows it to the inviter to pass on. Returns whether an e-mail went out.
 */
export async function sendInvitationMail(mail: InvitationMail): Promise<boolean> {
  if (!env.SMTP_URL) {
    console.info(`[invitation] no SMTP_URL set; link for ${mail.to}: ${mail.link}`);
    return false;
  }
  const transport = nodemailer.createTransport(env.SMTP_URL);
  await transport.sendMail({
    from: env.MAIL_FROM,
    to: mail.to,
    subject: `${mail.inviterEmail} invited you to ${mail.workspaceName} on Worthwise`,
    text: `${mail.inviterEmail} invited you to join ${mail.workspaceName} as ${mail.role}.\n\nAccept within 7 days: ${mail.link}\n\nIf you did not expect this, ignore this e-mail.`,
  });
  return true;
}
