// Placeholder entry; the CLI lands with its own commit.
export {};
