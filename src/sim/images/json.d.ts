// The simulator's tsconfig does not resolve JSON modules; the app's data set is imported as an opaque value and
// checked at run time by app/src/anime.ts (checkAnime), as the real app checks the file it reads.
declare module '*/anime.json' {
  const value: unknown;
  export default value;
}
