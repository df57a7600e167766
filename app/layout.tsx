import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: 'Worthwise',
  description: 'What each customer is worth, why, and what to do about it.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
