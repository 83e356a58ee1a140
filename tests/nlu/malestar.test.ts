import { createRecognizer, type IntentName, type Recognizer } from '../../nlu';
import { featuresOf } from '../../nlu/classifier/features';
import { MALESTAR } from '../../nlu/text/lexicon';
import { buildCorrector, TextPipeline } from '../../nlu/text/pipeline';

describe('featuresOf: words of discontent', () => {
  const pipeline = new TextPipeline(
    buildCorrector(
      ['quiero hacer una queja', 'me atendieron muy mal'],
      MALESTAR.map((p) => p.join(' ')),
    ),
  );
  const features = (text: string): string[] => featuresOf(pipeline.process(text), []);

  it.each([
    ['que pesimo servicio', true],
    ['son unos mediocres', true],
    ['me dieron mala atencion', true],
    ['quiero hacer una queja', false],
    ['el servicio de historia laboral', false],
  ])('"%s" → #malestar %s', (text, expected) => {
    expect(features(text).includes('#malestar')).toBe(expected);
  });

  it('never counts a word of discontent as rare', () => {
    expect(features('mediocres')).toEqual(expect.arrayContaining(['#malestar']));
    expect(features('mediocres')).not.toContain('#rare');
    expect(features('zanahorias')).toContain('#rare');
  });
});

let recognizer: Recognizer;
beforeAll(() => {
  recognizer = createRecognizer();
});

describe('complaints and their neighbours', () => {
  it.each<[string, IntentName]>([
    ['son unos mediocres', 'queja'],
    ['que atencion tan pesima la de hoy', 'queja'],
    ['me trataron horrible en la agencia de guayaquil', 'queja'],
    ['quiero poner un reclamo por la demora de mi tramite', 'queja'],
    ['el trafico de hoy estuvo horrible', 'fuera_de_dominio'],
    ['quiero poner una denuncia en la policia por un robo', 'fuera_de_dominio'],
    ['volvamos al menu principal', 'cancelar'],
    ['no me acuerdo', 'ayuda'],
  ])('%s → %s', (text, intent) => {
    expect(recognizer.recognize(text).intent).toBe(intent);
  });
});
