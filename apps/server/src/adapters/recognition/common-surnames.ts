/**
 * About the hundred most common Chinese surnames (公安部 户籍人口 ranking), which together cover some 85 % of
 * people: a legal representative whose first character was misread as a non-surname (期丹, 鸿秀燕) is read as the
 * recogniser's likeliest alternative there that is one of these.
 */
export const COMMON_SURNAMES = new Set(
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常",
);
