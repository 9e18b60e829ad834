/**
 * The maintained default list: abuse, solicitation for gambling, pornography and fraud — what must not appear in
 * chat, ratings or needs on a public service platform. Topic words ("赌博", "毒品", "传销") are deliberately absent:
 * anti-gambling, anti-drug and anti-fraud lectures are ordinary menu items. Deployments add local policy with
 * SENSITIVE_WORDS_FILE (one word per line, # for comments).
 */
export const DEFAULT_SENSITIVE_WORDS: readonly string[] = [
  // abuse
  '傻逼', '傻b', '煞笔', '操你妈', '草你妈', '你妈的', '狗日的', '王八蛋', '贱人', '脑残', '去死吧',
  // gambling solicitation
  '网赌', '博彩网站', '六合彩', '时时彩', '百家乐', '赌场招人',
  // pornography
  '裸聊', '约炮', '援交', '黄色网站', '成人视频',
  // fraud
  '刷单返利', '代开发票', '裸贷', '信用卡套现', '高利贷',
];
