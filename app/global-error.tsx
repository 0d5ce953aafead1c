"use client";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body
        style={{
          fontFamily: "system-ui, sans-serif",
          maxWidth: 480,
          margin: "96px auto",
          padding: 16,
          textAlign: "center",
        }}
      >
        <h1>Something went wrong</h1>
        <p>Design Review could not show this page. Please reload. Request id: {error.digest ?? "unavailable"}</p>
      </body>
    </html>
  );
}
