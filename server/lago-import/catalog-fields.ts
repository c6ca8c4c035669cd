/** What a Lago metric or plan brings over unchanged: the code apps send, the name and description staff read. */
export const catalogFields = ({ code, name, description }: { code: string; name: string; description: string | null }) => ({ code, name, description });
