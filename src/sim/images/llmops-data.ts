// The Anime Recommender's offline index, built from the app's own code and data (app/src/recommender.ts over
// app/data/anime.json, checked by app/src/anime.ts), so the simulated container ranks exactly as the real one.
// Loaded with a dynamic import (llmops-app.ts `loadLlmopsData`): in the browser MiniSearch and the data set are a
// separate chunk fetched only when an llmops-app container starts or is asked for recommendations.
import { Recommender } from '../../../app/src/recommender';
import { checkAnime } from '../../../app/src/anime';
import animeJson from '../../../app/data/anime.json';

export function buildRecommender(): Recommender {
  return new Recommender(checkAnime(animeJson));
}
