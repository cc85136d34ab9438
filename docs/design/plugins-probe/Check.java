// Checks Better Auth's JWT-plugin crypto with JDK 17 alone: decrypts the stored private JWK (XChaCha20-Poly1305 =
// HChaCha20 + javax.crypto ChaCha20-Poly1305, key SHA-256(secret)) and verifies Node's EdDSA /token JWT.
// Usage: node wire.mjs > wire.out && java Check.java vec.json
import java.math.BigInteger; import java.nio.charset.StandardCharsets; import java.security.*; import java.security.spec.*;
import java.util.*; import javax.crypto.Cipher; import javax.crypto.spec.*;
public class Check {
  static int rotl(int v,int c){return (v<<c)|(v>>>(32-c));}
  static void qr(int[] s,int a,int b,int c,int d){s[a]+=s[b];s[d]=rotl(s[d]^s[a],16);s[c]+=s[d];s[b]=rotl(s[b]^s[c],12);s[a]+=s[b];s[d]=rotl(s[d]^s[a],8);s[c]+=s[d];s[b]=rotl(s[b]^s[c],7);}
  static int le(byte[] b,int o){return (b[o]&255)|(b[o+1]&255)<<8|(b[o+2]&255)<<16|(b[o+3]&255)<<24;}
  static byte[] hchacha(byte[] k,byte[] n){int[] s=new int[16];s[0]=0x61707865;s[1]=0x3320646e;s[2]=0x79622d32;s[3]=0x6b206574;
    for(int i=0;i<8;i++)s[4+i]=le(k,4*i);for(int i=0;i<4;i++)s[12+i]=le(n,4*i);
    for(int i=0;i<10;i++){qr(s,0,4,8,12);qr(s,1,5,9,13);qr(s,2,6,10,14);qr(s,3,7,11,15);qr(s,0,5,10,15);qr(s,1,6,11,12);qr(s,2,7,8,13);qr(s,3,4,9,14);}
    byte[] o=new byte[32];int[] idx={0,1,2,3,12,13,14,15};for(int i=0;i<8;i++)for(int j=0;j<4;j++)o[4*i+j]=(byte)(s[idx[i]]>>>(8*j));return o;}
  public static void main(String[] a) throws Exception {
    String json=new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(a[0])));
    String x=field(json,"x"),token=field(json,"token"),priv=field(json,"priv"),secret=field(json,"secret");
    byte[] in=HexFormat.of().parseHex(priv); byte[] key=MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    byte[] sub=hchacha(key,Arrays.copyOfRange(in,0,16)); byte[] n12=new byte[12]; System.arraycopy(in,16,n12,4,8);
    Cipher c=Cipher.getInstance("ChaCha20-Poly1305"); c.init(Cipher.DECRYPT_MODE,new SecretKeySpec(sub,"ChaCha20"),new IvParameterSpec(n12));
    System.out.println("decrypted private JWK: "+new String(c.doFinal(in,24,in.length-24),StandardCharsets.UTF_8).replaceAll("\"d\":\"[^\"]+\"","\"d\":\"…\""));
    byte[] xb=Base64.getUrlDecoder().decode(x); boolean odd=(xb[31]&0x80)!=0; xb[31]&=0x7f; byte[] be=new byte[32]; for(int i=0;i<32;i++)be[i]=xb[31-i];
    PublicKey pk=KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519,new EdECPoint(odd,new BigInteger(1,be))));
    String[] p=token.split("\\."); Signature s=Signature.getInstance("Ed25519"); s.initVerify(pk); s.update((p[0]+"."+p[1]).getBytes(StandardCharsets.US_ASCII));
    System.out.println("JDK 17 Ed25519 verifies Node's /token JWT: "+s.verify(Base64.getUrlDecoder().decode(p[2])));
  }
  static String field(String j,String k){int i=j.indexOf("\""+k+"\":\"")+k.length()+4;return j.substring(i,j.indexOf('"',i));}
}
