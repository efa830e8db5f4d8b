/** The few jStat functions the tests use as an independent mid-range reference (jstat ships no types). */
declare module 'jstat' {
  const jstat: {
    jStat: {
      beta: { inv(p: number, a: number, b: number): number; cdf(x: number, a: number, b: number): number };
      chisquare: { cdf(x: number, k: number): number };
    };
  };
  export default jstat;
}
