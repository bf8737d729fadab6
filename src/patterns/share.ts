import { lazyRows, type PatternRow } from './table.js';

const NETWORK =
  '(?:share(?:\\s+(?:this|on|via|to|article|story|page|post))?|blogthis!?|tweet(?:\\s+this)?|e-?mail(?:\\s+this)?|print(?:\\s+this)?|facebook|twitter|x|linkedin|whatsapp|pinterest|reddit|telegram|tumblr|vk|flipboard|messenger|mastodon|bluesky|threads|pocket|digg(?:\\s+(?:it|this))?|stumbleupon|del\\.?icio\\.?us|aim|myspace|newsvine|technorati|slashdot|yahoo!?\\s*buzz|google\\+?|copy(?:\\s+(?:the\\s+)?link)?|link\\s+copied|save(?:\\s+(?:for\\s+later|article|this))?|bookmark|gift(?:\\s+(?:this\\s+)?article)?|comment|comments|like|listen|text\\s+size|a\\+|a-|font\\s+size|more)(?:\\s+(?:this|the|an?)?\\s*(?:article|story|page|post|link))?';

/** Share bars and article tool rows. */
export const SHARE: readonly PatternRow<'share'>[] = lazyRows<'share'>([
  {
    id: 'share-row',
    kind: 'share',
    pattern: () => new RegExp(`^(?:[\\s\\p{P}\\p{S}●•·|]*${NETWORK}[\\s\\p{P}\\p{S}●•·|]*\\d*){1,12}$`, 'iu'),
    note: 'A row made only of share/tool words: "Share Tweet Email", "● Print this article ● Email this article".',
    example: '● Print this article ● Email this article',
    nearMiss: 'Print media share fell to a record low this year.',
    maxLength: 200,
  },
  {
    id: 'share-prompt',
    kind: 'share',
    pattern: () => /^(?:share\s+(?:this|on|via|with)\b.{0,50}|click\s+to\s+share.{0,50}|(?:opens|open)\s+in\s+(?:a\s+)?new\s+window|follow\s+us\s+on\b.{0,60}|connect\s+with\s+us\s+on\b.{0,60}|follow\s+@\w+\b.{0,80}|(?:you\s+can\s+(?:also\s+)?)?(?:like|follow)\s+(?!(?:they|he|she|we|you|i)\b)(?:us|(?:\S+\s+){0,2}\S+)\s+on\s+(?:facebook|twitter|instagram|x)\b.{0,40}|please\s+share[!.]*|like\s+it\?\s*share\s+it[!.]*|(?:click\s+here\s+to\s+)?(?:get|receive)\s+(?:\S+\s+){0,4}(?:headlines|news|updates|alerts|stories)\s+(?:on|to)\s+(?:your\s+)?(?:facebook|twitter|phone|mobile|desktop)\b.{0,30})$/iu,
    note: '"Share this article with a friend", "Follow us on Twitter", "You can follow the Magazine on Twitter and on Facebook", "Please Share!", "LIKE IT? SHARE IT!", "Click here to get News24 headlines on your Facebook profile.".',
    example: 'Follow us on Twitter and Facebook',
    nearMiss: 'Follow the money, the investigators said.',
    maxLength: 120,
  },
  {
    id: 'cjk-share',
    kind: 'share',
    pattern: () => /^(?:(?:我要)?分享(?:到)?\s*[:：]?|转(?:播|发)到\S{1,8}|(?:腾讯|新浪)?微博|微信(?:朋友圈)?|QQ(?:空间|好友)?|人人网|豆瓣)$/u,
    note: 'A Chinese site\'s share buttons, one to a line: "我要分享" (share), "分享到:", "转播到腾讯微博" (repost to Tencent Weibo), "微信", "QQ空间".',
    example: '转播到腾讯微博',
    nearMiss: '他在微博上分享了这张照片。',
    maxLength: 20,
  },
  {
    id: 'follow-count',
    kind: 'share',
    pattern: () => /^[\s•·|]*(?:(?:join\s+(?:our\s+)?)?(?:[\p{L}\p{N}][\p{L}\p{N}.+&'’-]*\s+){0,3}\(?\d[\d.,]*\s*[km]?\+?\s+(?:followers|likes|fans|subscribers|contacts)\)?[\s•·|,]*){1,6}$/iu,
    keywords: ['followers', 'likes', 'fans', 'subscribers', 'contacts'],
    note: 'A count of a page\'s followers, one network or topic or several in a row: "Twitter (17,951 followers) • Facebook (3,507 likes) • Flickr (4,218 contacts)", "Apple 51,524 followers" (a topic\'s follow button), "909 Fans", "Join our 260,451 followers".',
    example: 'Twitter (17,951 followers) • Facebook (3,507 likes) • Flickr (4,218 contacts)',
    nearMiss: 'The band now has 909 fans in the city, the mayor said.',
    maxLength: 160,
  },
  {
    id: 'like-widget',
    kind: 'share',
    pattern: () => /^(?:like\s+this:|be\s+the\s+first\s+to\s+like\s+this\.?|like\s+loading[.…]*|\d+\s+(?:bloggers?|people|others)\s+like\s+this\.?|bookmark\s+and\s+share)$/iu,
    note: 'The like and bookmark widgets of blog platforms (WordPress: "Like this:", "Be the first to like this.", "Like Loading..."; AddThis: "Bookmark and Share").',
    example: 'Be the first to like this.',
    nearMiss: 'Like this, the plan would cost less.',
    maxLength: 40,
  },
]);
