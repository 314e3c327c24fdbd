export async function runServeLoad(root: string): Promise<void> { void root; }
