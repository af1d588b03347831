export default function Index() {
  return (
    <main className="page">
      <h1>OpenTCO</h1>
      <p>Compare commercial AI APIs with self-hosted open-weight inference.</p>
    </main>
  );
}
