/* fanfare-demo-names.c
 *
 * SPDX-FileCopyrightText: 2026 the project's contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Who is on the demo platform and what their music is called. Every name
 * is invented; titles are put together from words, by a seeded generator. */

#include "config.h"

#include "fanfare-demo-names.h"

const FanfareDemoArtist fanfare_demo_artists[] = {
  { "zhou.yutong", "周雨桐", "杭州", "Pop", TRUE, TRUE },
  { "lin.beichen", "林北辰", "北京", "Rock", TRUE, TRUE },
  { "chen.xinghe", "陈星河", "成都", "Folk", FALSE, TRUE },
  { "su.wanqing", "苏晚晴", "苏州", "Guofeng", TRUE, TRUE },
  { "jiang.yu", "江屿", "厦门", "Lo-fi", FALSE, TRUE },
  { "xu.nanfeng", "许南风", "广州", "R&B", TRUE, TRUE },
  { "shen.zhixia", "沈知夏", "上海", "Pop", FALSE, TRUE },
  { "gu.yizhou", "顾一舟", "南京", "Folk", FALSE, TRUE },
  { "bai.luqing", "白鹿青", "大理", "Ambient", FALSE, TRUE },
  { "wen.yan", "温言", "重庆", "Hip-Hop", TRUE, TRUE },
  { "ye.guihang", "叶归航", "青岛", "Electronic", FALSE, TRUE },
  { "xia.weiyang", "夏未央", "西安", "Guofeng", TRUE, TRUE },
  { "lu.yuanshan", "陆远山", "昆明", "Jazz", FALSE, TRUE },
  { "tang.xiaoman", "唐小满", "长沙", "Chiptune", FALSE, TRUE },
  { "song.qingge", "宋清歌", "武汉", "R&B", FALSE, TRUE },
  { "qin.mo", "秦墨", "台北", "Rock", TRUE, TRUE },
  { "niguang", "逆光乐队", "深圳", "Rock", TRUE, TRUE },
  { "shanhai", "山海乐团", "贵阳", "Guofeng", FALSE, TRUE },
  { "wuye.dt", "午夜电台", "香港", "Electronic", FALSE, TRUE },
  { "qingshixiang", "青石巷", "绍兴", "Folk", FALSE, TRUE },
  { "zoe.lefevre", "Zoë Lefèvre", "Lyon", "Pop", TRUE, FALSE },
  { "bjorn.akesson", "Björn Åkesson", "Göteborg", "Electronic", FALSE, FALSE },
  { "mariana.nunez", "Mariana Núñez", "Valparaíso", "Jazz", TRUE, FALSE },
  { "paper.lanterns", "The Paper Lanterns", "Bristol", "Rock", FALSE, FALSE },
  { "kofi.mensah", "Kofi Mensah", "Accra", "Hip-Hop", TRUE, FALSE },
  { "aiko.tanaka", "田中愛子", "Sapporo", "Ambient", FALSE, FALSE },
  { "lukas.brenner", "Lukas Brenner", "Leipzig", "Electronic", FALSE, FALSE },
  { "nora.quinn", "Nora Quinn", "Galway", "Folk", FALSE, FALSE },
  { "elodie.marchand", "Élodie Marchand", "Montréal", "Lo-fi", FALSE, FALSE },
  { "kaito.mori", "Kaito Mori", "Osaka", "Chiptune", TRUE, FALSE },
  { "isabela.costa", "Isabela Costa", "Recife", "Jazz", FALSE, FALSE },
  { "hana.kim", "Hana Kim", "Busan", "R&B", FALSE, FALSE },
  { "oskar.nowak", "Oskar Nowak", "Kraków", "Ambient", FALSE, FALSE },
  { "leila.haddad", "Leila Haddad", "Beirut", "Pop", FALSE, FALSE },
  { "dj.neon.tide", "DJ Neon Tide", "Berlin", "DJ Mix", TRUE, FALSE },
  { "cheng.yuan", "程予安", "南昌", "Audiobook", TRUE, TRUE },
};
const guint fanfare_demo_n_artists = G_N_ELEMENTS (fanfare_demo_artists);

const FanfareDemoPerson fanfare_demo_influencers[] = {
  { "musicbox", "音乐盒子", "每天一张好专辑，独立音乐的放大器。" },
  { "night.radio", "夜猫子电台", "深夜十二点以后的歌，给睡不着的你。" },
  { "indie.hunter", "独立音乐猎人", "在角落里找光：新人、小众、好听。" },
  { "lofi.cafe", "Lo-fi Café", "Beats to study, sip and daydream to." },
  { "guofeng.daily", "国风日报", "丝竹管弦，今日份的东方之美。" },
  { "vinyl.vibes", "Vinyl Vibes", "Crate digger. Jazz on Sundays, everything else the rest of the week." },
};
const guint fanfare_demo_n_influencers = G_N_ELEMENTS (fanfare_demo_influencers);

const FanfareDemoPerson fanfare_demo_listeners[] = {
  { "demo", "Demo Listener", "The account the app signs in with for the demo." },
  { "xiaoyu", "小鱼", "上班听歌，下班也听歌。" },
  { "juzi.qishui", "橘子汽水", NULL },
  { "tingfeng", "听风的人", "喜欢民谣和雨天。" },
  { "yemaozi", "夜猫子", NULL },
  { "a.lin", "阿林", NULL },
  { "mumu", "木木", "学生党，歌单收藏家。" },
  { "dou.dou", "豆豆", NULL },
  { "xingxing", "星星", NULL },
  { "laowang", "老王", "摇滚不死。" },
  { "qiuqiu", "秋秋", NULL },
  { "hai.yan", "海燕", NULL },
  { "mia.chen", "Mia Chen", "Coffee, code, lo-fi." },
  { "leo.park", "Leo Park", NULL },
  { "sofia.r", "Sofía R.", "Jazz y café." },
  { "tom.baker", "Tom Baker", NULL },
  { "anna.k", "Anna K.", NULL },
  { "yuki.s", "Yuki S.", NULL },
  { "jun.wei", "俊伟", NULL },
  { "xiaobai", "小白", NULL },
  { "pangpang", "胖胖", "跑步时只听电子。" },
  { "lanlan", "蓝蓝", NULL },
  { "ah.chao", "阿超", NULL },
  { "mengmeng", "萌萌", NULL },
  { "kai.zhang", "张凯", NULL },
  { "lily.wu", "Lily Wu", NULL },
  { "sam.li", "Sam Li", NULL },
  { "ruo.xi", "若希", NULL },
  { "feifei", "菲菲", NULL },
  { "hao.ran", "浩然", "国风爱好者。" },
  { "ming.yue", "明月", NULL },
  { "chloe.m", "Chloé M.", NULL },
  { "ivan.p", "Ivan P.", NULL },
  { "jia.jia", "佳佳", NULL },
  { "tian.tian", "甜甜", NULL },
  { "bo.bo", "波波", NULL },
  { "noah.w", "Noah W.", NULL },
  { "yan.zi", "燕子", NULL },
  { "lu.lu", "露露", NULL },
  { "ken.ho", "Ken Ho", NULL },
};
const guint fanfare_demo_n_listeners = G_N_ELEMENTS (fanfare_demo_listeners);

static const char * const chinese_words[] = {
  "夏天", "星河", "旧城", "微光", "远方", "雨季", "山海", "晚风", "月光", "梦境", "白昼", "归途", "青春",
  "海岸线", "候鸟", "灯塔", "长街", "雪夜", "花火", "南方", "北岛", "落日", "清晨", "小巷", "列车", "风筝",
  "银河", "少年", "故乡", "云端", "江南", "秋千", "孤岛", "心跳", "烟火", "时光",
};
static const char * const chinese_endings[] = {
  "", "的风", "之歌", "来信", "以北", "漫游", "回声", "日记", "里的人", "未眠", "旅行", "的秘密", "说", "与你",
};
static const char * const english_adjectives[] = {
  "Paper", "Neon", "Quiet", "Golden", "Midnight", "Glass", "Silver", "Electric", "Velvet", "Hollow", "Wild",
  "Blue", "Slow", "Distant", "Bright", "Broken", "Secret", "Summer", "Northern", "Little",
};
static const char * const english_nouns[] = {
  "Moons", "Rivers", "Harbors", "Hour", "Letters", "Gardens", "Lines", "Hearts", "Skies", "Roads", "Tides",
  "Windows", "Stations", "Echoes", "Fires", "Dreams", "Maps", "Lanterns", "Waves", "Birds",
};
static const char * const playlist_chinese[] = {
  "深夜emo歌单", "通勤路上", "周末咖啡馆", "学习专注", "跑步节奏", "雨天听什么", "华语独立精选", "睡前故事",
  "一个人的公路", "治愈系午后", "国风雅集", "周五下班", "海边吹风", "年度私藏",
};
static const char * const playlist_english[] = {
  "Late Night Drive", "Sunday Morning", "Deep Focus", "Rainy Window", "Indie Finds", "Golden Hour",
  "Coffee & Code", "Night Owl", "Weekend Groove", "Chill Beats",
};

static const char *
pick (GRand              *rand,
      const char * const *words,
      guint               n_words)
{
  return words[g_rand_int_range (rand, 0, n_words)];
}

#define PICK(rand, words) pick ((rand), (words), G_N_ELEMENTS (words))

char *
fanfare_demo_album_title (GRand    *rand,
                          gboolean  chinese)
{
  if (chinese)
    return g_strconcat (PICK (rand, chinese_words), PICK (rand, chinese_endings), NULL);

  return g_strconcat (PICK (rand, english_adjectives), " ", PICK (rand, english_nouns), NULL);
}

char *
fanfare_demo_track_title (GRand    *rand,
                          gboolean  chinese)
{
  if (chinese)
    {
      if (g_rand_boolean (rand))
        return g_strconcat (PICK (rand, chinese_words), PICK (rand, chinese_endings), NULL);
      return g_strconcat (PICK (rand, chinese_words), "和", PICK (rand, chinese_words), NULL);
    }

  switch (g_rand_int_range (rand, 0, 3))
    {
    case 0:
      return g_strconcat (PICK (rand, english_adjectives), " ", PICK (rand, english_nouns), NULL);

    case 1:
      return g_strconcat ("The ", PICK (rand, english_adjectives), " ", PICK (rand, english_nouns), NULL);

    default:
      return g_strconcat (PICK (rand, english_nouns), " of ", PICK (rand, english_adjectives), " ",
                          PICK (rand, english_nouns), NULL);
    }
}

char *
fanfare_demo_playlist_title (GRand    *rand,
                             gboolean  chinese)
{
  return g_strdup (chinese ? PICK (rand, playlist_chinese) : PICK (rand, playlist_english));
}

char *
fanfare_demo_artist_bio (const FanfareDemoArtist *artist,
                         const char              *genre_name,
                         int                      since)
{
  if (artist->chinese)
    return g_strdup_printf ("来自%s的%s音乐人，%d年开始独立发行作品。相信好的旋律会自己找到听的人。",
                            artist->city, genre_name, since);

  return g_strdup_printf ("%s is a %s artist from %s, releasing independently since %d.",
                          artist->name, artist->genre, artist->city, since);
}
