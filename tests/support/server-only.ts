// Stands in for the `server-only` package, whose only job is to fail client bundles.
export {};
