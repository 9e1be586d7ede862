package io.vigia.search.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Language-neutral analysis: words, lower case, accents folded, so "elección" matches "eleccion".
 */
final class FoldingAnalyzer extends Analyzer {
  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream s = new LowerCaseFilter(source);
    s = new ASCIIFoldingFilter(s);
    return new TokenStreamComponents(source, s);
  }
}
